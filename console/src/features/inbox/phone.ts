/** "+55 63 99999-0801" from WhatsApp's "5563999990801"; other numbers as they came. */
export const formatPhone = (phone: string): string => {
  const brazil = /^55(\d{2})(\d{4,5})(\d{4})$/.exec(phone);
  return brazil ? `+55 ${brazil[1]} ${brazil[2]}-${brazil[3]}` : phone;
};
