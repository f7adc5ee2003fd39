-- Search that matches names the way people type them in Arabic and Kurdish (Sorani):
-- with or without diacritics (tashkeel) and tatweel, whichever alef, ya or ha form, the
-- Arabic or the Persian/Kurdish kaf and yeh, Arabic-Indic or Latin digits, any case.
-- `sanad_fold` is applied to both the stored names and the words searched for, so one
-- definition decides what "the same" means.
CREATE FUNCTION sanad_fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT lower(translate(
    t,
    -- from: alef forms, ya forms, ta marbuta and ha forms, kaf forms, waw with hamza,
    -- Arabic-Indic and Eastern Arabic-Indic digits, then what is dropped (tashkeel,
    -- superscript alef, tatweel): past the end of `to`, translate() deletes.
    'أإآٱىیئةەۀھکؤ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹' || 'ًٌٍَُِّْٰٕٓٔـ',
    'اااايييههههكو01234567890123456789'
  ))
$$;
