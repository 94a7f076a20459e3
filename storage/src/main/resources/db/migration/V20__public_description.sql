-- An operator may mark an appeal's description as public (Open311 shows it only then: the text
-- may hold personal data). Each change is also written to the appeal's history.
ALTER TABLE appeal ADD COLUMN description_public BOOLEAN DEFAULT FALSE NOT NULL;
