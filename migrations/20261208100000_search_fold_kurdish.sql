-- Searching names typed in Kurdish (Sorani) as well as in Arabic: `sanad_fold` (migration
-- 20261207190000) folded the alef, ya, ha, kaf and waw forms, the digits, tashkeel and
-- tatweel. It now also folds the Sorani letters that are an Arabic letter with a mark, so
-- a Kurdish name typed on an Arabic keyboard, or in the older spelling that left the
-- marks out, is still found:
--   ڕ (U+0695) → ر   ڵ (U+06B5) → ل   ۆ (U+06C6) → و   ێ (U+06CE) → ي   ڎ (U+068E) → د
-- and ڤ (U+06A4) → ف, Arabic's only way of writing the sound v in a name (ڤیان, فيان).
-- They are letters of their own in Sorani, and two names may differ only by one of
-- them; but here a search that finds a name too many is one more row of a short
-- directory list, while a search that misses it leaves the organisation unfound.
-- پ چ ژ گ stay themselves: they are consonants of their own that Iraqi Arabic writes
-- too (گ in گاطع, چ in چاي), and no one Arabic letter stands for each of them.
-- Invisible marks that come with Kurdish and Persian typing or with copied text — the
-- zero-width non-joiner and joiner, the direction marks — are dropped like tatweel.
-- ە (U+06D5) and ھ (U+06BE) were already folded with ه and ة, and the Arabic-Indic
-- (٠-٩) and Eastern Arabic-Indic (۰-۹) digits with the Latin ones.
-- No index is built on the function (the directory is read whole), so replacing it
-- needs no reindex.
CREATE OR REPLACE FUNCTION sanad_fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT lower(translate(
    t,
    -- from: alef, ya, ha, kaf and waw forms, the Sorani letters with a mark, ve, the
    -- Arabic-Indic and Eastern Arabic-Indic digits; then what is dropped (tashkeel,
    -- superscript alef, tatweel, zero-width and direction marks): past the end of `to`,
    -- translate() deletes.
    'أإآٱىیئێةەۀھکؤۆڕڵڎڤ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹' || 'ًٌٍَُِّْٰٕٓٔـ‌‍‎‏؜',
    'ااااييييههههكوورلدف01234567890123456789'
  ))
$$;
