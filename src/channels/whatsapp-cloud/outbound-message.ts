/** The message bodies we send through Graph `POST /{phone-number-id}/messages` (without `to`). */
export interface ReplyButton {
  id: string;
  title: string;
}

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

export interface ListSection {
  title?: string;
  rows: ListRow[];
}

export interface TemplateComponent {
  type: 'header' | 'body' | 'button';
  sub_type?: string;
  index?: string;
  parameters: Array<Record<string, unknown>>;
}

export type OutboundMessage =
  | { type: 'text'; text: { body: string; preview_url?: boolean } }
  | {
      type: 'interactive';
      interactive:
        | {
            type: 'button';
            header?: { type: 'text'; text: string };
            body: { text: string };
            footer?: { text: string };
            action: { buttons: Array<{ type: 'reply'; reply: ReplyButton }> };
          }
        | {
            type: 'list';
            header?: { type: 'text'; text: string };
            body: { text: string };
            footer?: { text: string };
            action: { button: string; sections: ListSection[] };
          }
        | { type: 'location_request_message'; body: { text: string }; action: { name: 'send_location' } };
    }
  | { type: 'template'; template: { name: string; language: { code: string }; components?: TemplateComponent[] } }
  | { type: 'image'; image: { id?: string; link?: string; caption?: string } }
  | { type: 'location'; location: { latitude: number; longitude: number; name?: string; address?: string } };
