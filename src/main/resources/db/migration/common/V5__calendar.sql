-- Years whose State Council holiday notice has been entered; a year not here counts weekends only.
CREATE TABLE calendar_year (
  announced_year INT         NOT NULL PRIMARY KEY,
  source         VARCHAR(20) NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE calendar_day (
  the_date   DATE         NOT NULL PRIMARY KEY,
  kind       VARCHAR(20)  NOT NULL,
  name       VARCHAR(50)  NOT NULL,
  updated_by VARCHAR(60)  NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
