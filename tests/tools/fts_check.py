# Checks a likely database's full-text index (schema 11: contentless, given
# each article's distinct runs) against an index of the articles' whole
# texts made here, in memory, with the same tokenizer: every word of
# either must stand for the same articles in both.  Then FTS5's own
# integrity-check.  Prints one line saying what agreed, or each word that
# does not and exits 1.  Golden cases use it after extractions that
# replace an article's text (a delete from the index) and after the
# upgrade to schema 11.
# usage: python3 fts_check.py DB
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO article_fts (article_fts) VALUES ('integrity-check')")
db.execute("ATTACH ':memory:' AS ref")
db.execute("CREATE VIRTUAL TABLE ref.full USING fts5(text,"
           " tokenize='unicode61 remove_diacritics 2', detail=none)")
db.execute("INSERT INTO ref.full (rowid, text) SELECT article_id, text FROM main.article_text")
db.execute("CREATE VIRTUAL TABLE temp.vfull USING fts5vocab(ref, 'full', 'row')")
db.execute("CREATE VIRTUAL TABLE temp.vindex USING fts5vocab(main, 'article_fts', 'row')")


def rows(schema, table, term):
    q = '"' + term.replace('"', '""') + '"'
    return [r for (r,) in db.execute(
        f"SELECT rowid FROM {schema}.{table} WHERE {table} MATCH ? ORDER BY rowid", (q,))]


terms = [t for (t,) in db.execute("SELECT term FROM vfull UNION SELECT term FROM vindex")]
bad = 0
for term in terms:
    want, got = rows("ref", "full", term), rows("main", "article_fts", term)
    if want != got:
        print(f"{term}: articles {sorted(set(want) - set(got))} hold it but the index"
              f" says not, articles {sorted(set(got) - set(want))} do not but it says so")
        bad += 1
articles = db.execute("SELECT count(*) FROM article_text").fetchone()[0]
if bad:
    sys.exit(1)
print(f"index agrees with the texts of {articles} articles: {len(terms)} words")
