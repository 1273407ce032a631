# Turns a database of the current schema back into schema 5, as likely
# made it before version 6 joined an article's sentences into one row: a
# sentence table with a row per sentence, indexed one by one (FTS5), and
# the trigger that takes a deleted sentence out of the index, and the
# article's section column (never filled; version 8 dropped it), and every
# forecast's context a copy (version 9 may refer into the text), and every
# forecast's creation a row of history (version 10 makes a load one row).  Golden
# cases use it to make an old database for the upgrade to upgrade.
# usage: python3 schema5.py DB
import os
import sqlite3
import subprocess
import sys

# version 10: the loads become history rows again
subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "schema9.py"),
                sys.argv[1]], check=True)
db = sqlite3.connect(sys.argv[1])
# version 9: a context kept as a reference into the article's text is
# copied back into the forecast row
db.executescript("""
UPDATE forecast SET context = (SELECT CAST(replace(substr(CAST(t.text AS BLOB),
  context_at + 1, context_len), x'1e', ' ') AS TEXT) FROM article_text t
  WHERE t.article_id = forecast.article_id) WHERE context_len IS NOT NULL;
DROP INDEX forecast_context;
ALTER TABLE forecast DROP COLUMN context_len;
ALTER TABLE forecast DROP COLUMN context_at;
""")
db.executescript("""
CREATE TABLE sentence (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  paragraph INTEGER NOT NULL DEFAULT 0,
  text TEXT NOT NULL,
  UNIQUE (article_id, ord)) STRICT;
CREATE VIRTUAL TABLE sentence_fts USING fts5(
  text, content='sentence', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER sentence_ad AFTER DELETE ON sentence BEGIN
  INSERT INTO sentence_fts(sentence_fts, rowid, text)
  VALUES ('delete', old.id, old.text);
END;
INSERT INTO sentence_fts (sentence_fts, rank) VALUES ('automerge', 16);
""")
rows = db.execute("SELECT article_id, text FROM article_text ORDER BY article_id").fetchall()
# each article's sentences stored last first, so that only `ord`, never
# the order of the rows, can put them back in order
for article, text in rows:
    for ord_, sentence in reversed(list(enumerate(text.split("\x1e")))):
        db.execute("INSERT INTO sentence (article_id, ord, text) VALUES (?, ?, ?)",
                   (article, ord_, sentence))
db.execute("INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild')")
db.executescript("""
ALTER TABLE article ADD COLUMN section TEXT NOT NULL DEFAULT '';
DROP TRIGGER article_text_ad;
DROP TABLE article_fts;
DROP TABLE article_text;
PRAGMA user_version = 5;
""")
db.commit()
