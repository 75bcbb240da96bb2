/**
 * Calendar dates in level files. The schema's pattern only checks the shape of
 * `YYYY-MM-DD`; "2025-13-45" has that shape, and the game would count 45 days from the
 * first of a thirteenth month and land in February of the next year.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why a date already shaped `YYYY-MM-DD` or `YYYY-MM` is not on the calendar, or undefined
 * when it is. `example` is a date of the same shape, for the fix.
 */
export function notACalendarDate(text: string, example: string): string | undefined {
  const [year = 0, month = 0, day] = text.split('-').map(Number);
  const fix = day === undefined ? `; write year-month, like ${example.slice(0, 7)}` : `; write year-month-day, like ${example}`;
  if (month < 1 || month > 12) return `"${text}" is not a real date: there is no month ${month}, months run from 01 to 12${fix}`;
  if (day === undefined) return undefined;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `"${text}" is not a real date: ${MONTHS[month - 1]} ${year} has days 01 to ${last}${fix}`;
  return undefined;
}
