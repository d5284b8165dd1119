import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';

interface EditorActionsProps {
  saveLabel: string;
  canSave: boolean;
  /** Which action runs now, if any ('save' or 'reset'). */
  running: string | undefined;
  error: string | undefined;
  /** Shown only for an edited text: puts back the city profile's wording. */
  onReset: (() => void) | undefined;
}

/** The end of a text editor: what went wrong, save, and back to the original when the text was edited. */
export const EditorActions = ({ saveLabel, canSave, running, error, onReset }: EditorActionsProps) => (
  <>
    {error && <Notice tone="error">{error}</Notice>}
    <div className="text-editor__actions">
      <Button type="submit" busy={running === 'save'} disabled={!canSave}>
        {saveLabel}
      </Button>
      {onReset && (
        <Button variant="ghost" busy={running === 'reset'} onClick={onReset}>
          Voltar ao original
        </Button>
      )}
    </div>
  </>
);
