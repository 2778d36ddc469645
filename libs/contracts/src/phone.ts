/**
 * Phones are stored as E.164 digits without the plus (`8613812345678`, `8651082345678`) so that a
 * number typed as `138 1234 5678`, `+86 138-1234-5678` or `0510-8234 5678` finds the same resident.
 */
const SEPARATORS = /[\s\-().]/g;
const MOBILE = /^1[3-9]\d{9}$/;
/** Area code without the trunk 0 (10 and 2x are two digits, the rest three), then 7–8 digits. */
const LANDLINE = /^((10|2\d)\d{8}|[3-9]\d{9,10})$/;

export function normalisePhone(input: string): string | null {
  let digits = input.trim().replace(SEPARATORS, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  else if (digits.startsWith('0086')) digits = digits.slice(2);
  else if (MOBILE.test(digits)) return `86${digits}`;
  else if (/^0[1-9]/.test(digits)) digits = `86${digits.slice(1)}`;
  if (!/^\d+$/.test(digits) || !digits.startsWith('86')) return null;
  const national = digits.slice(2);
  return MOBILE.test(national) || LANDLINE.test(national) ? digits : null;
}

/** How people write it at home: `13812345678`, or `0510-82345678` with the trunk 0 and area code. */
export function nationalFormat(e164: string): string {
  const national = e164.startsWith('86') ? e164.slice(2) : e164;
  if (MOBILE.test(national)) return national;
  const areaLength = /^(10|2\d)/.test(national) ? 2 : 3;
  return `0${national.slice(0, areaLength)}-${national.slice(areaLength)}`;
}

/** The last digits an agent may search by: at least 4, at most a whole national number. */
export const PHONE_SUFFIX = /^\d{4,11}$/;
