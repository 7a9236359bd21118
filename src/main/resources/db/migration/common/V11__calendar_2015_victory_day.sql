-- Installations seeded before the shipped calendar had it: the State Council's one-off holiday
-- for the 70th anniversary of the victory in the War of Resistance (国发明电〔2015〕1号). Days an
-- admin has entered for those dates are left as they are.
INSERT INTO calendar_day (the_date, kind, name, updated_by, updated_at)
SELECT DATE '2015-09-03', 'HOLIDAY', '抗战胜利70周年纪念日', 'system', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM calendar_day WHERE the_date = DATE '2015-09-03');
INSERT INTO calendar_day (the_date, kind, name, updated_by, updated_at)
SELECT DATE '2015-09-04', 'HOLIDAY', '抗战胜利70周年纪念日', 'system', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM calendar_day WHERE the_date = DATE '2015-09-04');
INSERT INTO calendar_day (the_date, kind, name, updated_by, updated_at)
SELECT DATE '2015-09-05', 'HOLIDAY', '抗战胜利70周年纪念日', 'system', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM calendar_day WHERE the_date = DATE '2015-09-05');
INSERT INTO calendar_day (the_date, kind, name, updated_by, updated_at)
SELECT DATE '2015-09-06', 'MAKEUP_WORKDAY', '抗战胜利70周年纪念日', 'system', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM calendar_day WHERE the_date = DATE '2015-09-06');
