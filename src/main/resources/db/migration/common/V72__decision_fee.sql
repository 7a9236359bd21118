-- The administrative fee (行政事业性收费, in 万元) charged with a licensing decision: not a field of
-- the 双公示 standard, kept so that table 二 of the annual report totals the year's fees from the
-- register as it counts its decisions.
ALTER TABLE decision ADD COLUMN fee_wan DECIMAL(18, 6);
