/**
 * Hides every digit but the last two, keeping spaces and letters, so an officer can find the
 * number in the message without the finding repeating it: "0300 123 4567" -> "•••• ••• ••67".
 */
export function maskDigits(text: string): string {
  const digits = [...text].filter((c) => /\d/.test(c)).length;
  let seen = 0;
  return [...text]
    .map((c) => {
      if (!/\d/.test(c)) return c;
      seen += 1;
      return seen > digits - 2 ? c : '•';
    })
    .join('');
}
