# Turns a database of the current schema back into schema 9, as likely
# made it before version 10 made an import's creations one row of `load`
# and version 11 gave the full-text index each article's distinct words:
# the index is an external-content one over article_text again, made from
# the whole texts, with the trigger that deleted with the whole text; and
# every forecast a load created gets the "created" row of history it then
# had (the load's time and reason, the status it was created with: its
# first change of status's old value, else its status), ordered before
# its other rows as it was, and the load table and column go.  Golden
# cases use it to make an old database for the upgrade to upgrade.
# usage: python3 schema9.py DB
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
# version 11
db.executescript("""
DROP TRIGGER article_text_ad;
DROP TABLE article_fts;
CREATE VIRTUAL TABLE article_fts USING fts5(
  text, content='article_text', content_rowid='article_id',
  tokenize='unicode61 remove_diacritics 2', detail=none, columnsize=0);
INSERT INTO article_fts (article_fts) VALUES ('rebuild');
CREATE TRIGGER article_text_ad AFTER DELETE ON article_text BEGIN
  INSERT INTO article_fts (article_fts, rowid, text)
  VALUES ('delete', old.article_id, old.text);
END;
""")
# version 10
db.executescript("""
CREATE TEMP TABLE created AS
SELECT f.id AS forecast_id, l.at AS at,
  coalesce((SELECT h.old_value FROM history h WHERE h.forecast_id = f.id
            AND h.field = 'status' ORDER BY h.id LIMIT 1), f.status) AS status,
  l.reason AS reason, f.seq AS seq
FROM forecast f JOIN load l ON l.id = f.load_id;
CREATE TEMP TABLE later AS SELECT * FROM history;
DELETE FROM history;
INSERT INTO history (forecast_id, at, field, old_value, new_value, reason)
SELECT forecast_id, at, field, old_value, new_value, reason FROM (
  SELECT forecast_id, at, 'created' AS field, NULL AS old_value, status AS new_value,
         reason, 0 AS k, seq AS o FROM created
  UNION ALL
  SELECT forecast_id, at, field, old_value, new_value, reason, 1, id FROM later)
ORDER BY k, o;
ALTER TABLE forecast DROP COLUMN load_id;
DROP TABLE load;
PRAGMA user_version = 9;
""")
db.commit()
