-- The city's public map and open statistics read these tables, never the appeals themselves.
-- They are kept current in the transaction of every change that moves them (OpenMapAggregates),
-- and rebuilt from the appeals when they are new or the city's zone changed (aggregate_build).
-- A period is a local day in the city's zone as an epoch day: grain 'D' one day, grain 'M' the
-- month starting on that day; every change counts in both, so a range reads whole months and
-- the days at its edges. executor_key is the executor's name today (see OpenMapAggregates).

-- Counts by period x channel x direction x executor x status, with what the statistics need.
CREATE TABLE stat_cell (
    grain        CHAR(1)      NOT NULL,
    period       INT          NOT NULL,
    channel      VARCHAR(16)  NOT NULL,
    category_id  VARCHAR(32)  NOT NULL,
    executor_key VARCHAR(200) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    appeals      BIGINT       NOT NULL,
    overdue      BIGINT       NOT NULL,
    past_legal   BIGINT       NOT NULL,
    on_time      BIGINT       NOT NULL,
    rated        BIGINT       NOT NULL,
    rating_sum   BIGINT       NOT NULL,
    PRIMARY KEY (grain, period, channel, category_id, executor_key, status)
);

-- Appeals filed on each local day, for the charts by day.
CREATE TABLE stat_day (
    period   INT    NOT NULL PRIMARY KEY,
    appeals  BIGINT NOT NULL,
    resolved BIGINT NOT NULL,
    on_time  BIGINT NOT NULL,
    overdue  BIGINT NOT NULL
);

-- Times from filing to resolution of RESOLVED appeals, as a histogram per executor: minutes
-- are kept exactly below 32 and to 1/32 of their value above (the middle of the bucket).
CREATE TABLE stat_resolution (
    grain        CHAR(1)      NOT NULL,
    period       INT          NOT NULL,
    executor_key VARCHAR(200) NOT NULL,
    minutes      BIGINT       NOT NULL,
    appeals      BIGINT       NOT NULL,
    PRIMARY KEY (grain, period, executor_key, minutes)
);

-- Appeals on the map by period, status and cell of a zoom-15 Web Mercator grid (about 1 km),
-- with the sums of their coordinates (a cluster is drawn at their mean).
CREATE TABLE map_cell (
    grain   CHAR(1)          NOT NULL,
    period  INT              NOT NULL,
    cx      INT              NOT NULL,
    cy      INT              NOT NULL,
    status  VARCHAR(16)      NOT NULL,
    appeals BIGINT           NOT NULL,
    lat_sum DOUBLE PRECISION NOT NULL,
    lon_sum DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (grain, period, cx, cy, status)
);

-- Every appeal with a place on the map, with nothing personal: the problem's point (the
-- citizen's, an operator's correction, or the geocoded typed address), never the home address.
CREATE TABLE map_point (
    num          VARCHAR(16)      NOT NULL PRIMARY KEY,
    created_at   BIGINT           NOT NULL,
    category_id  VARCHAR(32)      NOT NULL,
    executor_key VARCHAR(200)     NOT NULL,
    status       VARCHAR(16)      NOT NULL,
    lat          DOUBLE PRECISION NOT NULL,
    lon          DOUBLE PRECISION NOT NULL,
    cx           INT              NOT NULL,
    cy           INT              NOT NULL
);
CREATE INDEX map_point_by_time ON map_point (created_at, cx, cy, status, category_id);
CREATE INDEX map_point_by_category ON map_point (category_id, created_at);

-- When the aggregates were last rebuilt from the appeals, and for which zone.
CREATE TABLE aggregate_build (
    name     VARCHAR(32) NOT NULL PRIMARY KEY,
    zone     VARCHAR(64) NOT NULL,
    built_at BIGINT      NOT NULL
);

-- The map's point of an appeal whose problem place is a typed address: PENDING until the
-- geocoder has looked it up, then FOUND (with the point), NOT_FOUND or FAILED (given up);
-- CORRECTED when an operator set the point by hand, which then wins over any other.
CREATE TABLE geocode (
    appeal_num VARCHAR(16)      NOT NULL PRIMARY KEY REFERENCES appeal (num),
    status     VARCHAR(12)      NOT NULL,
    lat        DOUBLE PRECISION,
    lon        DOUBLE PRECISION,
    attempts   INT              NOT NULL,
    not_before BIGINT           NOT NULL,
    updated_at BIGINT           NOT NULL,
    updated_by VARCHAR(100)     NOT NULL,
    last_error VARCHAR(500)
);
CREATE INDEX geocode_due ON geocode (status, not_before);

-- Answers of the geocoder by the SHA-256 of the normalised address asked (not the address).
CREATE TABLE geocode_cache (
    query_hash VARCHAR(64)      NOT NULL PRIMARY KEY,
    found      BOOLEAN          NOT NULL,
    lat        DOUBLE PRECISION,
    lon        DOUBLE PRECISION,
    fetched_at BIGINT           NOT NULL
);

-- Typed places of appeals filed before the map was built wait for the geocoder too, after new ones.
INSERT INTO geocode (appeal_num, status, attempts, not_before, updated_at, updated_by)
SELECT num, 'PENDING', 0, 0, created_at, 'migration' FROM appeal
WHERE place_lat IS NULL AND place_address IS NOT NULL AND anonymised_at IS NULL;
