// The knowledge base: import from Markdown and CSV with every problem reported, idempotent
// re-import, Indonesian-aware ranking, and customer text that never acts as FTS5 syntax.
#include "ai/kbdrafter.h"
#include "ai/knowledgebase.h"
#include "ai/textnormalizer.h"
#include "store/database.h"

#include <QFile>
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
};

QTEST_GUILESS_MAIN(TestKnowledgeBase)
#include "tst_knowledgebase.moc"
