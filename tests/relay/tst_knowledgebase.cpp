// The knowledge base: import from Markdown and CSV with every problem reported, idempotent
// re-import, Indonesian-aware ranking, and customer text that never acts as FTS5 syntax.
#include "ai/kbdrafter.h"
#include "ai/kbreader.h"
#include "ai/knowledgebase.h"
#include "ai/lexicon.h"
#include "ai/textnormalizer.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Serambi::Relay;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

const QByteArray Ongkir = "---\nid: ongkir\ntitle: Ongkos kirim\ntags: [ongkir/ongkos kirim/"
                          "shipping cost, jne]\n---\nOngkos kirim dihitung dari berat paket dan "
                          "kota tujuan, {sapaan}.\n";
const QByteArray Cod = "---\nid: cod\ntitle: Bayar di tempat\ntags: [cod/bayar di tempat]\n---\n"
                       "COD tersedia untuk Jabodetabek, {sapaan}.\n";

} // namespace

class TestKnowledgeBase : public QObject
{
    Q_OBJECT

private:
    std::optional<QTemporaryDir> m_dir;
    QSqlDatabase m_db;

    QString kbDir() const { return m_dir->filePath(QStringLiteral("kb")); }

    KbImportReport importKb()
    {
        QString error;
        const auto report = KnowledgeBase::import(m_db, kbDir(), 1000, &error);
        if (!report)
            qWarning() << error;
        return report.value_or(KbImportReport{});
    }

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("kb")));
        QString error;
        m_db = openDatabase(m_dir->filePath(QStringLiteral("relay.sqlite")),
                            QStringLiteral("kb-test"), SyncMode::Normal, &error);
        QVERIFY2(m_db.isOpen(), qPrintable(error));
        QVERIFY2(KnowledgeBase::createSchema(m_db, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_db = QSqlDatabase();
        closeDatabase(QStringLiteral("kb-test"));
    }

    void shouldReportEveryProblemWithFileAndLineAndImportTheRest()
    {
        writeFile(kbDir() + QStringLiteral("/ongkir.md"), Ongkir);
        writeFile(kbDir() + QStringLiteral("/empty.md"), "");
        writeFile(kbDir() + QStringLiteral("/nofront.md"), "Just text\n");
        writeFile(kbDir() + QStringLiteral("/noid.md"), "---\ntitle: X\n---\nBody\n");
        writeFile(kbDir() + QStringLiteral("/z-duplicate.md"), Ongkir);
        writeFile(kbDir() + QStringLiteral("/faq.csv"),
                  "question,answer\n\"Bisa COD?\",\"Bisa, {sapaan}.\"\nonly one field\n"
                  "\"Jam buka?\",\"Setiap hari\npukul 9.\"\n,\n");
        const KbImportReport report = importKb();
        QCOMPARE(report.added, 3);
        QCOMPARE(report.articles, 3);
        QStringList where;
        for (const KbProblem &problem : report.problems)
            where << QFileInfo(problem.file).fileName() + QLatin1Char(':') +
                         QString::number(problem.line);
        where.sort();
        QCOMPARE(where,
                 QStringList({QStringLiteral("empty.md:1"), QStringLiteral("faq.csv:3"),
                              QStringLiteral("faq.csv:6"), QStringLiteral("nofront.md:1"),
                              QStringLiteral("noid.md:1"), QStringLiteral("z-duplicate.md:1")}));
    }

    void shouldChangeNothingWhenTheSameFilesAreImportedAgain()
    {
        writeFile(kbDir() + QStringLiteral("/ongkir.md"), Ongkir);
        writeFile(kbDir() + QStringLiteral("/cod.md"), Cod);
        QCOMPARE(importKb().added, 2);
        const KbImportReport again = importKb();
        QCOMPARE(again.unchanged, 2);
        QCOMPARE(again.added + again.updated + again.removed, 0);
        QFile::remove(kbDir() + QStringLiteral("/cod.md"));
        QCOMPARE(importKb().removed, 1);
    }

    void shouldSeeANewImportWithoutReopening()
    {
        writeFile(kbDir() + QStringLiteral("/ongkir.md"), Ongkir);
        importKb();
        KnowledgeBase kb(m_db);
        QCOMPARE(kb.search(QStringLiteral("bisa cod?")).size(), 0);
        writeFile(kbDir() + QStringLiteral("/cod.md"), Cod);
        importKb();
        const QList<KbHit> hits = kb.search(QStringLiteral("bisa cod?"));
        QVERIFY(!hits.isEmpty());
        QCOMPARE(hits.first().article.id, QStringLiteral("cod"));
    }

    void shouldMatchSlangAffixesAndTagSynonyms()
    {
        writeFile(kbDir() + QStringLiteral("/ongkir.md"), Ongkir);
        writeFile(kbDir() + QStringLiteral("/cod.md"), Cod);
        importKb();
        KnowledgeBase kb(m_db);
        for (const char *text : {"ongkir ke bdg brp kak", "berapa ongkos pengirimannya?",
                                 "what is the shipping cost", "ONGKÍR brp yaaa"}) {
            const QList<KbHit> hits = kb.search(QString::fromUtf8(text));
            QVERIFY2(!hits.isEmpty(), text);
            QCOMPARE(hits.first().article.id, QStringLiteral("ongkir"));
        }
        QCOMPARE(TextNormalizer::stem(QStringLiteral("pengiriman")), QStringLiteral("kirim"));
        QCOMPARE(TextNormalizer::stem(QStringLiteral("dikirimkan")), QStringLiteral("kirim"));
        QCOMPARE(TextNormalizer::stem(QStringLiteral("pembayarannya")), QStringLiteral("bayar"));
    }

    void shouldTreatHostileCustomerTextAsWords()
    {
        writeFile(kbDir() + QStringLiteral("/ongkir.md"), Ongkir);
        importKb();
        KnowledgeBase kb(m_db);
        for (const char *text :
             {"\"", "ongkir\" OR body:*", "NEAR(ongkir kirim, 2)", "ongkir AND NOT cod",
              "title : ongkir ^ *", "'); DROP TABLE kb_index; --", "😡😡😡 !!! ???",
              "ongkir {sapaan} \\ \" \" \"", "-ongkir +kirim", ""}) {
            const QList<KbHit> hits = kb.search(QString::fromUtf8(text));
            for (const KbHit &hit : hits)
                QCOMPARE(hit.article.id, QStringLiteral("ongkir"));
        }
        QCOMPARE(kb.size(), 1);
        QCOMPARE(kb.search(QStringLiteral("ongkir\" OR \"cod")).first().article.id,
                 QStringLiteral("ongkir"));
    }

    void shouldReadQuestionsAsFlowOrBlockListsAndFromCsv()
    {
        QList<KbProblem> problems;
        const auto flow = KbReader::parseMarkdown(
            QStringLiteral("a.md"),
            QStringLiteral("---\nid: a\ntitle: A\nquestions: [bisa COD?, \"kalau ke Papua, "
                           "bisa?\"]\n---\nBody\n"),
            &problems);
        QVERIFY(flow);
        QCOMPARE(flow->questions, QStringList({QStringLiteral("bisa COD?"),
                                               QStringLiteral("kalau ke Papua, bisa?")}));
        const auto block = KbReader::parseMarkdown(
            QStringLiteral("b.md"),
            QStringLiteral("---\nid: b\ntitle: B\nquestions:\n  - jam buka?\n  - \"buka hari "
                           "minggu?\"\ntags: [jam]\n---\nBody\n"),
            &problems);
        QVERIFY(block);
        QCOMPARE(block->questions,
                 QStringList({QStringLiteral("jam buka?"), QStringLiteral("buka hari minggu?")}));
        QCOMPARE(block->tags, QStringList({QStringLiteral("jam")}));
        const QList<KbArticle> rows = KbReader::parseCsv(
            QStringLiteral("faq.csv"),
            QStringLiteral("id,question,answer,questions\nkado,Bisa bungkus kado?,Bisa.,ada gift "
                           "wrap?|bisa dibungkus?\n"),
            &problems);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().questions, QStringList({QStringLiteral("ada gift wrap?"),
                                                      QStringLiteral("bisa dibungkus?")}));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).message));
    }

    // An article's example questions find it for a message with none of its title's or body's
    // words, and changing only the questions is an update.
    void shouldFindAnArticleByItsQuestions()
    {
        writeFile(kbDir() + QStringLiteral("/ongkir.md"), Ongkir);
        writeFile(kbDir() + QStringLiteral("/telemedisin.md"),
                  "---\nid: telemedisin\ntitle: Telemedisin\nquestions: [bisa konsul lewat "
                  "hp?]\n---\nTersedia setiap hari, {sapaan}.\n");
        QCOMPARE(importKb().added, 2);
        KnowledgeBase kb(m_db);
        QCOMPARE(kb.search(QStringLiteral("konsul lewat hp bisa ga")).value(0).article.id,
                 QStringLiteral("telemedisin"));
        writeFile(kbDir() + QStringLiteral("/telemedisin.md"),
                  "---\nid: telemedisin\ntitle: Telemedisin\nquestions: [bisa konsul lewat "
                  "hp?, ada video call?]\n---\nTersedia setiap hari, {sapaan}.\n");
        QCOMPARE(importKb().updated, 1);
        QCOMPARE(kb.search(QStringLiteral("video call dokter")).value(0).article.id,
                 QStringLiteral("telemedisin"));
    }

    // The built-in lexicon: words a shop's articles do not use still find them, in Indonesian
    // and English ("nomor pelacakan" for an article that says "resi", "teeth" for "gigi").
    void shouldFindArticlesThroughTheLexicon()
    {
        QVERIFY(Lexicon::builtIn().size() > 20);
        writeFile(kbDir() + QStringLiteral("/resi.md"),
                  "---\nid: resi\ntitle: Cek resi\n---\nResi dikirim lewat chat, {sapaan}.\n");
        writeFile(kbDir() + QStringLiteral("/scaling.md"),
                  "---\nid: scaling\ntitle: Scaling karang gigi\n---\nRp300.000, {sapaan}.\n");
        writeFile(kbDir() + QStringLiteral("/cod.md"), Cod);
        importKb();
        KnowledgeBase kb(m_db);
        QCOMPARE(kb.search(QStringLiteral("minta nomor pelacakan paket sy")).value(0).article.id,
                 QStringLiteral("resi"));
        QCOMPARE(kb.search(QStringLiteral("how much for teeth scaling")).value(0).article.id,
                 QStringLiteral("scaling"));
        QCOMPARE(kb.search(QStringLiteral("bisa cash on delivery?")).value(0).article.id,
                 QStringLiteral("cod"));
    }

    // Typos and the colloquial -in suffix are corrected towards the knowledge base's words.
    void shouldCorrectTyposAndTheInSuffixAgainstTheVocabulary()
    {
        writeFile(kbDir() + QStringLiteral("/asuransi.md"),
                  "---\nid: asuransi\ntitle: Asuransi pengiriman\n---\nSemua paket "
                  "diasuransikan, {sapaan}.\n");
        writeFile(kbDir() + QStringLiteral("/cod.md"), Cod);
        importKb();
        KnowledgeBase kb(m_db);
        QCOMPARE(kb.search(QStringLiteral("paketnya diasuransiin gk")).value(0).article.id,
                 QStringLiteral("asuransi"));
        QCOMPARE(kb.search(QStringLiteral("asuramsi pengirimn gmn")).value(0).article.id,
                 QStringLiteral("asuransi"));
    }

    // A misspelling is corrected the same way every time it comes back, and towards the words
    // of the knowledge base as it is now: an import that adds the word it is closest to counts.
    void shouldCorrectARepeatedTypoTheSameWayAndAfreshAfterAnImport()
    {
        writeFile(kbDir() + QStringLiteral("/cod.md"), Cod);
        importKb();
        KnowledgeBase kb(m_db);
        const QString message = QStringLiteral("paket saya sudah diasurasni?");
        QVERIFY(kb.search(message).isEmpty() ||
                kb.search(message).value(0).article.id != QStringLiteral("asuransi"));
        writeFile(kbDir() + QStringLiteral("/asuransi.md"),
                  "---\nid: asuransi\ntitle: Asuransi pengiriman\n---\nSemua paket "
                  "diasuransikan, {sapaan}.\n");
        importKb();
        QCOMPARE(kb.search(message).value(0).article.id, QStringLiteral("asuransi"));
        QCOMPARE(kb.search(message).value(0).article.id, QStringLiteral("asuransi"));
        QCOMPARE(kb.search(QStringLiteral("asuramsi pengirimn")).value(0).article.id,
                 QStringLiteral("asuransi"));
    }

    // With no article the knowledge base finds nothing, misspelt or not.
    void shouldFindNothingInAnEmptyKnowledgeBase()
    {
        QVERIFY(QDir().mkpath(kbDir()));
        importKb();
        KnowledgeBase kb(m_db);
        QVERIFY(kb.search(QStringLiteral("asuramsi pengirimn gmn")).isEmpty());
        QVERIFY(kb.search(QStringLiteral("berapa ongkos kirim")).isEmpty());
    }

    // The confidence: a message an article answers in its own words is answered, a message
    // about something else that shares one word with an article is not.
    void shouldBeSureOfAMatchingQuestionAndNotOfOneSharedWord()
    {
        writeFile(kbDir() + QStringLiteral("/ongkir.md"), Ongkir);
        writeFile(kbDir() + QStringLiteral("/cod.md"), Cod);
        importKb();
        KnowledgeBase kb(m_db);
        QVERIFY(KnowledgeBase::confidence(kb.search(QStringLiteral("berapa ongkos kirim ke "
                                                                   "bandung?"))) >= 0.5);
        QVERIFY(KnowledgeBase::confidence(kb.search(
                    QStringLiteral("siapa juara piala dunia tahun lalu, kirim jawabannya"))) < 0.5);
    }

    // A knowledge base file written before questions existed gains the column: the relay opens
    // it and the next import fills it.
    void shouldUpgradeAKnowledgeBaseFileWithoutQuestions()
    {
        m_db = QSqlDatabase();
        closeDatabase(QStringLiteral("kb-test"));
        QString error;
        const QString path = m_dir->filePath(QStringLiteral("old.sqlite"));
        QSqlDatabase old = openDatabase(path, QStringLiteral("kb-old"), SyncMode::Normal, &error);
        QSqlQuery query(old);
        QVERIFY(query.exec(QStringLiteral(
            "CREATE TABLE kb_articles (id TEXT PRIMARY KEY, title TEXT NOT NULL, tags TEXT NOT "
            "NULL DEFAULT '[]', body TEXT NOT NULL, source TEXT NOT NULL, line INTEGER NOT NULL, "
            "checksum TEXT NOT NULL, updated_at INTEGER NOT NULL)")));
        QVERIFY(query.exec(QStringLiteral("CREATE VIRTUAL TABLE kb_index USING fts5(article_id "
                                          "UNINDEXED, title, tags, body)")));
        QVERIFY2(KnowledgeBase::createSchema(old, &error), qPrintable(error));
        writeFile(kbDir() + QStringLiteral("/cod.md"), Cod);
        QVERIFY(KnowledgeBase::import(old, kbDir(), 1, &error));
        KnowledgeBase kb(old);
        QCOMPARE(kb.search(QStringLiteral("bisa cod?")).value(0).article.id, QStringLiteral("cod"));
        old = QSqlDatabase();
        closeDatabase(QStringLiteral("kb-old"));
        m_db = openDatabase(m_dir->filePath(QStringLiteral("relay.sqlite")),
                            QStringLiteral("kb-test"), SyncMode::Normal, &error);
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeBase)
#include "tst_knowledgebase.moc"
