// The knowledge-base editor on the relay: supervisors and admins list, save and delete articles
// (the next draft uses them at once), see every version with who and when, preview what the
// drafter would answer, dismiss suggestions, and see the articles never used and the questions
// no article answered in the last days, and import files sent from the console (a preview
// first, then versioned with who and when); agents may do none of it. `kb export` writes
// what `kb import` reads back identically. All through a real WebSocket on loopback.
#include "ai/kbdrafter.h"
#include "ai/knowledgebase.h"
#include "config/relayconfig.h"
#include "service/kbadmin.h"
#include "store/database.h"
#include "store/draftrepo.h"
#include "support/relay/hubharness.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace Serambi::Relay;
using namespace Serambi::Test;

namespace {

const QString KbConnection = QStringLiteral("tst-kbeditor-kb");

QJsonObject resultData(const QJsonObject &result)
{
    return result.value(QLatin1String("data")).toObject();
}

bool isOk(const QJsonObject &result)
{
    return result.value(QLatin1String("ok")).toBool();
}

QJsonObject codPapua()
{
    return {{QLatin1String("id"), QStringLiteral("cod-papua")},
            {QLatin1String("title"), QStringLiteral("COD ke Papua")},
            {QLatin1String("tags"), QJsonArray{QStringLiteral("cod/bayar di tempat")}},
            {QLatin1String("questions"),
             QJsonArray{QStringLiteral("bisa cod ke papua?"), QStringLiteral("cod wamena bisa")}},
            {QLatin1String("body"),
             QStringLiteral("COD belum tersedia untuk Papua. Silakan bayar lewat transfer bank "
                            "atau virtual account.")}};
}

// The ids of the articles listed.
QStringList articleIds(const QJsonObject &listed)
{
    QStringList ids;
    for (const QJsonValue &article : resultData(listed).value(QLatin1String("articles")).toArray())
        ids.append(article.toObject().value(QLatin1String("id")).toString());
    return ids;
}

QJsonObject importFile(const QString &name, const QString &content)
{
    return {{QLatin1String("name"), name}, {QLatin1String("content"), content}};
}

// "id (title)" of an import result's list.
QStringList importedIds(const QJsonObject &result, const char *list)
{
    QStringList ids;
    for (const QJsonValue &article : resultData(result).value(QLatin1String(list)).toArray())
        ids.append(article.toObject().value(QLatin1String("id")).toString());
    return ids;
}

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) > 0;
}

} // namespace

class tst_KbEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_harness = std::make_unique<HubHarness>();
        QVERIFY(m_harness->start());
        QVERIFY(m_harness->addUser(QStringLiteral("sari"), QStringLiteral("agent"),
                                   QStringLiteral("pw-sari")) > 0);
        QVERIFY(m_harness->addUser(QStringLiteral("rina"), QStringLiteral("supervisor"),
                                   QStringLiteral("pw-rina")) > 0);
        QString error;
        QSqlDatabase db = openDatabase(m_harness->dataDir() + QStringLiteral("/kb.sqlite"),
                                       KbConnection, SyncMode::Normal, &error);
        QVERIFY2(db.isOpen() && KnowledgeBase::createSchema(db, &error), qPrintable(error));
        m_knowledgeBase = std::make_unique<KnowledgeBase>(db);
        m_drafter = std::make_unique<KbDrafter>(m_knowledgeBase.get(), KbDrafterOptions{});
        m_harness->hub()->setKnowledgeBase(m_knowledgeBase.get(), m_drafter.get());
    }

    void cleanup()
    {
        m_harness.reset();
        m_drafter.reset();
        m_knowledgeBase.reset();
        closeDatabase(KbConnection);
    }

    void shouldRefuseEveryEditorCommandToAgents()
    {
        auto agent = m_harness->loggedIn(QStringLiteral("sari"));
        const QList<QPair<QString, QJsonObject>> commands = {
            {QStringLiteral("list_articles"), {}},
            {QStringLiteral("save_article"), codPapua()},
            {QStringLiteral("delete_article"), {{QLatin1String("id"), QStringLiteral("ongkir")}}},
            {QStringLiteral("list_article_versions"),
             {{QLatin1String("id"), QStringLiteral("ongkir")}}},
            {QStringLiteral("kb_preview"), {{QLatin1String("text"), QStringLiteral("ongkir?")}}},
            {QStringLiteral("dismiss_kb_suggestions"), {{QLatin1String("ids"), QJsonArray{1}}}},
            {QStringLiteral("kb_gaps"), {}},
            {QStringLiteral("import_articles"),
             {{QLatin1String("files"),
               QJsonArray{importFile(QStringLiteral("a.md"), QStringLiteral("---\nid: a\n"
                                                                            "title: A\n---\nB"))}},
              {QLatin1String("apply"), true}}},
        };
        for (const auto &[name, args] : commands)
            QCOMPARE(errorCode(agent->command(name, args)), QStringLiteral("forbidden"));
        QCOMPARE(m_knowledgeBase->size(), 0);
    }

    void shouldAnswerWithASavedArticleAtOnceAndTellSupervisorsOnly()
    {
        auto supervisor = m_harness->loggedIn(QStringLiteral("rina"));
        supervisor->subscribe(0);
        auto agent = m_harness->loggedIn(QStringLiteral("sari"));
        agent->subscribe(0);
        const QJsonObject question{
            {QLatin1String("text"), QStringLiteral("kak bisa cod ke papua?")}};
        const QJsonObject before =
            resultData(supervisor->command(QStringLiteral("kb_preview"), question));
        QVERIFY(before.value(QLatin1String("abstained")).toBool());
        QVERIFY(before.value(QLatin1String("sources")).toArray().isEmpty());

        const QJsonObject saved = supervisor->command(QStringLiteral("save_article"), codPapua());
        QVERIFY2(isOk(saved), qPrintable(errorCode(saved)));
        const QJsonObject after =
            resultData(supervisor->command(QStringLiteral("kb_preview"), question));
        QVERIFY(!after.value(QLatin1String("abstained")).toBool());
        QCOMPARE(after.value(QLatin1String("sources"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("id")),
                 QStringLiteral("cod-papua"));
        QVERIFY(after.value(QLatin1String("text")).toString().contains(QStringLiteral("transfer")));

        const QJsonObject event = supervisor->take([](const QJsonObject &frame) {
            return frameType(frame) == QLatin1String("event") &&
                   frame.value(QLatin1String("kind")).toString() == QLatin1String("kb.updated");
        });
        QCOMPARE(event.value(QLatin1String("data")).toObject().value(QLatin1String("id")),
                 QStringLiteral("cod-papua"));
        // A later team-wide event reaches the agent; the kb.updated before it did not.
        const QJsonObject canned = supervisor->command(
            QStringLiteral("save_canned"),
            {{QLatin1String("shortcut"), QStringLiteral("salam")},
             {QLatin1String("title"), QStringLiteral("Salam")},
             {QLatin1String("text"), QStringLiteral("Halo Kak, ada yang bisa dibantu?")}});
        QVERIFY2(isOk(canned), QJsonDocument(canned).toJson().constData());
        QVERIFY(!agent
                     ->take([](const QJsonObject &frame) {
                         return frame.value(QLatin1String("kind")).toString() ==
                                QLatin1String("canned.updated");
                     })
                     .isEmpty());
        for (const QJsonObject &frame : agent->frames())
            QVERIFY(frame.value(QLatin1String("kind")).toString() != QLatin1String("kb.updated"));

        const QJsonObject listed = supervisor->command(QStringLiteral("list_articles"), {});
        QCOMPARE(articleIds(listed), QStringList{QStringLiteral("cod-papua")});
        const QJsonObject article =
            resultData(listed).value(QLatin1String("articles")).toArray().at(0).toObject();
        QCOMPARE(article.value(QLatin1String("questions")).toArray().size(), 2);
        QCOMPARE(article.value(QLatin1String("source")).toString(), QStringLiteral("console"));
        QCOMPARE(article.value(QLatin1String("cited")).toInt(), 0);
    }

    void shouldCountTheDraftsThatCitedAnArticle()
    {
        auto supervisor = m_harness->loggedIn(QStringLiteral("rina"));
        QVERIFY(isOk(supervisor->command(QStringLiteral("save_article"), codPapua())));
        QJsonObject other = codPapua();
        other.insert(QLatin1String("id"), QStringLiteral("retur"));
        other.insert(QLatin1String("title"), QStringLiteral("Retur barang"));
        QVERIFY(isOk(supervisor->command(QStringLiteral("save_article"), other)));
        for (const QString &waId : {QStringLiteral("628111"), QStringLiteral("628222")}) {
            const qint64 chat = m_harness->receiveInbound(waId, QStringLiteral("cod papua?"));
            QVERIFY(m_harness
                        ->run([chat](WriteTxn &txn) {
                            Draft draft;
                            draft.conversationId = chat;
                            draft.forMessageId = DraftRepo::latestInboundMessage(txn.db(), chat);
                            draft.text = QStringLiteral("COD belum tersedia untuk Papua.");
                            draft.confidence = 0.9;
                            draft.sources = {QStringLiteral("cod-papua")};
                            return DraftRepo::insertPending(txn, draft)
                                       ? WriteResult::success()
                                       : WriteResult::failure(QStringLiteral("draft"));
                        })
                        .ok);
        }
        const QJsonArray articles =
            resultData(supervisor->command(QStringLiteral("list_articles"), {}))
                .value(QLatin1String("articles"))
                .toArray();
        QCOMPARE(articles.size(), 2);
        QCOMPARE(articles.at(0).toObject().value(QLatin1String("cited")).toInt(), 2);
        QCOMPARE(articles.at(1).toObject().value(QLatin1String("cited")).toInt(), 0);
    }

    void shouldKeepEveryVersionWithWhoAndWhen()
    {
        auto supervisor = m_harness->loggedIn(QStringLiteral("rina"));
        m_harness->clockMs = 1'000'000;
        QVERIFY(isOk(supervisor->command(QStringLiteral("save_article"), codPapua())));
        QJsonObject edited = codPapua();
        edited.insert(QLatin1String("body"), QStringLiteral("COD ke Papua kini bisa lewat Pos."));
        m_harness->clockMs = 2'000'000;
        QVERIFY(isOk(supervisor->command(QStringLiteral("save_article"), edited)));
        const QJsonObject deleted = supervisor->command(
            QStringLiteral("delete_article"), {{QLatin1String("id"), QStringLiteral("cod-papua")}});
        QVERIFY2(isOk(deleted), qPrintable(errorCode(deleted)));
        QVERIFY(articleIds(supervisor->command(QStringLiteral("list_articles"), {})).isEmpty());
        QCOMPARE(
            errorCode(supervisor->command(QStringLiteral("delete_article"),
                                          {{QLatin1String("id"), QStringLiteral("cod-papua")}})),
            QStringLiteral("not_found"));

        const QJsonArray versions =
            resultData(supervisor->command(QStringLiteral("list_article_versions"),
                                           {{QLatin1String("id"), QStringLiteral("cod-papua")}}))
                .value(QLatin1String("versions"))
                .toArray();
        QCOMPARE(versions.size(), 3);
        QVERIFY(versions.at(0).toObject().value(QLatin1String("deleted")).toBool());
        const QJsonObject second = versions.at(1).toObject();
        QVERIFY(!second.value(QLatin1String("deleted")).toBool());
        QCOMPARE(second.value(QLatin1String("body")).toString(),
                 QStringLiteral("COD ke Papua kini bisa lewat Pos."));
        QCOMPARE(second.value(QLatin1String("author_name")).toString(), QStringLiteral("RINA"));
        QCOMPARE(second.value(QLatin1String("created_at")).toInteger(), 2'000'000);
        QCOMPARE(versions.at(2).toObject().value(QLatin1String("created_at")).toInteger(),
                 1'000'000);
    }

    void shouldRefuseBadArticles_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty id") << "id" << QJsonValue(QString()) << "id";
        QTest::newRow("id with spaces") << "id" << QJsonValue(QStringLiteral("COD Papua")) << "id";
        QTest::newRow("id too long") << "id" << QJsonValue(QString(65, QLatin1Char('a'))) << "id";
        QTest::newRow("empty title") << "title" << QJsonValue(QStringLiteral("  ")) << "title";
        QTest::newRow("two-line title")
            << "title" << QJsonValue(QStringLiteral("COD\nPapua")) << "title";
        QTest::newRow("title too long")
            << "title" << QJsonValue(QString(201, QLatin1Char('t'))) << "title";
        QTest::newRow("blank body") << "body" << QJsonValue(QStringLiteral(" \n ")) << "body";
        QTest::newRow("body too long")
            << "body" << QJsonValue(QString(20001, QLatin1Char('b'))) << "body";
        QTest::newRow("tags not a list") << "tags" << QJsonValue(QStringLiteral("cod")) << "tags";
        QTest::newRow("two-line question")
            << "questions" << QJsonValue(QJsonArray{QStringLiteral("cod?\nke papua")})
            << "question";
        QTest::newRow("unknown field") << "author" << QJsonValue(QStringLiteral("x")) << "author";
    }

    void shouldRefuseBadArticles()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, mentions);
        auto supervisor = m_harness->loggedIn(QStringLiteral("rina"));
        QJsonObject args = codPapua();
        args.insert(key, value);
        const QJsonObject result = supervisor->command(QStringLiteral("save_article"), args);
        QCOMPARE(errorCode(result), QStringLiteral("invalid_argument"));
        const QString message = result.value(QLatin1String("error"))
                                    .toObject()
                                    .value(QLatin1String("message"))
                                    .toString();
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QCOMPARE(m_knowledgeBase->size(), 0);
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM kb_article_versions")), 0);
    }

    void shouldRefuseAnEmptyPreview()
    {
        auto supervisor = m_harness->loggedIn(QStringLiteral("rina"));
        QCOMPARE(errorCode(supervisor->command(QStringLiteral("kb_preview"),
                                               {{QLatin1String("text"), QStringLiteral("  ")}})),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(errorCode(supervisor->command(QStringLiteral("list_article_versions"),
                                               {{QLatin1String("id"), QStringLiteral("A B")}})),
                 QStringLiteral("invalid_argument"));
    }

    void shouldDismissAGroupOfSuggestions()
    {
        const qint64 first =
            abstainedOn(QStringLiteral("628111"), QStringLiteral("bisa cod ke papua?"));
        const qint64 second =
            abstainedOn(QStringLiteral("628222"), QStringLiteral("kalau cod ke papua bisa ga kak"));
        const qint64 other =
            abstainedOn(QStringLiteral("628333"), QStringLiteral("jual voucher game?"));
        auto agent = m_harness->loggedIn(QStringLiteral("sari"));
        for (const qint64 chat : {first, second, other})
            QVERIFY(isOk(agent->command(
                QStringLiteral("send_text"),
                {{QLatin1String("conversation_id"), chat},
                 {QLatin1String("text"), QStringLiteral("COD ke Papua belum bisa, Kak.")}})));
        auto supervisor = m_harness->loggedIn(QStringLiteral("rina"));
        const QJsonArray groups =
            resultData(supervisor->command(QStringLiteral("list_kb_suggestions"), {}))
                .value(QLatin1String("groups"))
                .toArray();
        QCOMPARE(groups.size(), 2);
        const QJsonArray ids = groups.at(0).toObject().value(QLatin1String("ids")).toArray();
        QCOMPARE(ids.size(), 2);

        QCOMPARE(errorCode(supervisor->command(QStringLiteral("dismiss_kb_suggestions"),
                                               {{QLatin1String("ids"), QJsonArray{-3}}})),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(errorCode(supervisor->command(QStringLiteral("dismiss_kb_suggestions"),
                                               {{QLatin1String("ids"), QJsonArray{}}})),
                 QStringLiteral("invalid_argument"));
        const QJsonObject dismissed = supervisor->command(QStringLiteral("dismiss_kb_suggestions"),
                                                          {{QLatin1String("ids"), ids}});
        QVERIFY2(isOk(dismissed), qPrintable(errorCode(dismissed)));
        QCOMPARE(resultData(dismissed).value(QLatin1String("dismissed")).toInt(), 2);
        const QJsonArray left =
            resultData(supervisor->command(QStringLiteral("list_kb_suggestions"), {}))
                .value(QLatin1String("groups"))
                .toArray();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.at(0).toObject().value(QLatin1String("questions")).toArray(),
                 QJsonArray{QStringLiteral("jual voucher game?")});
        // Dismissing them again changes nothing.
        QCOMPARE(resultData(supervisor->command(QStringLiteral("dismiss_kb_suggestions"),
                                                {{QLatin1String("ids"), ids}}))
                     .value(QLatin1String("dismissed"))
                     .toInt(),
                 0);
    }

    void shouldListArticlesNeverUsedAndQuestionsThatMatchedNone()
    {
        auto supervisor = m_harness->loggedIn(QStringLiteral("rina"));
        QVERIFY(isOk(supervisor->command(QStringLiteral("save_article"), codPapua())));
        QJsonObject retur = codPapua();
        retur.insert(QLatin1String("id"), QStringLiteral("retur"));
        retur.insert(QLatin1String("title"), QStringLiteral("Retur barang"));
        QVERIFY(isOk(supervisor->command(QStringLiteral("save_article"), retur)));
        // Drafts cited cod-papua now and retur 40 days ago.
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("cod papua?"));
        for (const auto &[source, daysAgo] :
             {std::pair{QStringLiteral("cod-papua"), 0}, std::pair{QStringLiteral("retur"), 40}}) {
            QVERIFY(m_harness
                        ->run([&, chat](WriteTxn &txn) {
                            Draft draft;
                            draft.conversationId = chat;
                            draft.forMessageId = DraftRepo::latestInboundMessage(txn.db(), chat);
                            draft.text = QStringLiteral("Jawaban.");
                            draft.confidence = 0.9;
                            draft.sources = {source};
                            if (!DraftRepo::insertPending(txn, draft))
                                return WriteResult::failure(QStringLiteral("draft"));
                            QSqlQuery age(txn.db());
                            age.prepare(QStringLiteral(
                                "UPDATE drafts SET created_at = created_at - ? WHERE id = ?"));
                            age.addBindValue(qint64(daysAgo) * 24 * 3600 * 1000);
                            age.addBindValue(draft.id);
                            return age.exec() ? WriteResult::success()
                                              : WriteResult::failure(QStringLiteral("age"));
                        })
                        .ok);
        }
        // The same question twice (its phone number masked), and a request for a person.
        const QString question = QStringLiteral("bisa kirim pakai gosend ke 0812-3456-7890?");
        abstainedOn(QStringLiteral("628222"), question);
        abstainedOn(QStringLiteral("628333"), question);
        abstainedOn(QStringLiteral("628444"), QStringLiteral("saya mau bicara dengan admin"));

        const QJsonObject gaps = supervisor->command(QStringLiteral("kb_gaps"), {});
        QVERIFY2(isOk(gaps), qPrintable(errorCode(gaps)));
        QCOMPARE(resultData(gaps).value(QLatin1String("days")).toInt(), 30);
        const QJsonArray unused = resultData(gaps).value(QLatin1String("unused")).toArray();
        QCOMPARE(unused.size(), 1);
        QCOMPARE(unused.at(0).toObject().value(QLatin1String("id")).toString(),
                 QStringLiteral("retur"));
        const QJsonArray unanswered = resultData(gaps).value(QLatin1String("unanswered")).toArray();
        QCOMPARE(unanswered.size(), 1);
        const QJsonObject asked = unanswered.at(0).toObject();
        QCOMPARE(asked.value(QLatin1String("count")).toInt(), 2);
        const QString masked = asked.value(QLatin1String("text")).toString();
        QVERIFY2(masked.startsWith(QStringLiteral("bisa kirim pakai gosend ke [")) &&
                     !masked.contains(QStringLiteral("3456")),
                 qPrintable(masked));
        QVERIFY(asked.value(QLatin1String("last_at")).toInteger() > 0);

        // Within 60 days retur was used; once an article answers the question, it leaves.
        QVERIFY(resultData(
                    supervisor->command(QStringLiteral("kb_gaps"), {{QLatin1String("days"), 60}}))
                    .value(QLatin1String("unused"))
                    .toArray()
                    .isEmpty());
        QVERIFY(isOk(supervisor->command(
            QStringLiteral("save_article"),
            {{QLatin1String("id"), QStringLiteral("gosend")},
             {QLatin1String("title"), QStringLiteral("Kirim pakai GoSend")},
             {QLatin1String("questions"), QJsonArray{QStringLiteral("bisa kirim pakai gosend?")}},
             {QLatin1String("body"), QStringLiteral("Bisa, GoSend untuk Jakarta.")}})));
        QVERIFY(resultData(supervisor->command(QStringLiteral("kb_gaps"), {}))
                    .value(QLatin1String("unanswered"))
                    .toArray()
                    .isEmpty());
    }

    void shouldRefuseABadNumberOfDays_data()
    {
        QTest::addColumn<QJsonValue>("days");
        QTest::newRow("zero") << QJsonValue(0);
        QTest::newRow("more than a year") << QJsonValue(366);
        QTest::newRow("fraction") << QJsonValue(1.5);
        QTest::newRow("text") << QJsonValue(QStringLiteral("30"));
    }

    void shouldRefuseABadNumberOfDays()
    {
        QFETCH(QJsonValue, days);
        auto supervisor = m_harness->loggedIn(QStringLiteral("rina"));
        QCOMPARE(errorCode(supervisor->command(QStringLiteral("kb_gaps"),
                                               {{QLatin1String("days"), days}})),
                 QStringLiteral("invalid_argument"));
    }

    void shouldPreviewAnImportThenApplyItWithWhoAndWhen()
    {
        auto supervisor = m_harness->loggedIn(QStringLiteral("rina"));
        QVERIFY(isOk(supervisor->command(QStringLiteral("save_article"), codPapua())));
        QJsonObject other = codPapua();
        other.insert(QLatin1String("id"), QStringLiteral("retur"));
        other.insert(QLatin1String("title"), QStringLiteral("Retur barang"));
        other.insert(QLatin1String("tags"), QJsonArray{QStringLiteral("retur")});
        other.insert(QLatin1String("questions"), QJsonArray{});
        other.insert(QLatin1String("body"), QStringLiteral("Retur dalam 7 hari."));
        QVERIFY(isOk(supervisor->command(QStringLiteral("save_article"), other)));
        const QJsonArray files{
            importFile(QStringLiteral("cod-papua.md"),
                       QStringLiteral("---\nid: cod-papua\ntitle: COD ke Papua\n---\n"
                                      "COD ke Papua tersedia mulai bulan depan.\n")),
            importFile(QStringLiteral("garansi.md"),
                       QStringLiteral("---\nid: garansi\ntitle: Garansi\ntags: [garansi]\n"
                                      "---\nGaransi toko 7 hari.\n")),
            importFile(QStringLiteral("rusak.md"), QStringLiteral("Tanpa front matter.\n")),
            importFile(QStringLiteral("faq.csv"),
                       QStringLiteral("id,title,tags,questions,body\n"
                                      "jam-buka,Jam buka,jam/buka,jam berapa buka?|buka "
                                      "jam berapa,Buka jam 9 sampai 17.\n"
                                      "kosong,Tanpa isi,,,\n")),
            importFile(QStringLiteral("catatan.txt"), QStringLiteral("bukan artikel")),
        };
        const QJsonObject preview =
            supervisor->command(QStringLiteral("import_articles"),
                                {{QLatin1String("files"), files}, {QLatin1String("apply"), false}});
        QVERIFY2(isOk(preview), qPrintable(errorCode(preview)));
        QCOMPARE(importedIds(preview, "added"),
                 (QStringList{QStringLiteral("garansi"), QStringLiteral("jam-buka")}));
        QCOMPARE(importedIds(preview, "changed"), QStringList{QStringLiteral("cod-papua")});
        QCOMPARE(resultData(preview).value(QLatin1String("unchanged")).toInt(), 0);
        QStringList problems;
        for (const QJsonValue &value :
             resultData(preview).value(QLatin1String("problems")).toArray()) {
            const QJsonObject problem = value.toObject();
            problems.append(QStringLiteral("%1:%2")
                                .arg(problem.value(QLatin1String("file")).toString())
                                .arg(problem.value(QLatin1String("line")).toInt()));
        }
        QCOMPARE(problems, (QStringList{QStringLiteral("rusak.md:1"), QStringLiteral("faq.csv:3"),
                                        QStringLiteral("catatan.txt:0")}));
        // A preview changes nothing.
        QCOMPARE(articleIds(supervisor->command(QStringLiteral("list_articles"), {})).size(), 2);

        const QJsonObject applied =
            supervisor->command(QStringLiteral("import_articles"),
                                {{QLatin1String("files"), files}, {QLatin1String("apply"), true}});
        QVERIFY2(isOk(applied), qPrintable(errorCode(applied)));
        QVERIFY(resultData(applied).value(QLatin1String("apply")).toBool());
        const QStringList ids =
            articleIds(supervisor->command(QStringLiteral("list_articles"), {}));
        QCOMPARE(ids.size(), 4);
        QVERIFY(ids.contains(QStringLiteral("retur"))); // not in the files: it stays
        const QJsonObject answer = supervisor->command(
            QStringLiteral("kb_preview"), {{QLatin1String("text"), QStringLiteral("cod papua?")}});
        QVERIFY2(resultData(answer)
                     .value(QLatin1String("text"))
                     .toString()
                     .contains(QStringLiteral("bulan depan")),
                 qPrintable(resultData(answer).value(QLatin1String("text")).toString()));
        const QJsonArray versions =
            resultData(supervisor->command(QStringLiteral("list_article_versions"),
                                           {{QLatin1String("id"), QStringLiteral("cod-papua")}}))
                .value(QLatin1String("versions"))
                .toArray();
        QCOMPARE(versions.size(), 2);
        const QString who =
            versions.at(0).toObject().value(QLatin1String("author_name")).toString();
        QVERIFY(!who.isEmpty());
        QCOMPARE(who, versions.at(1).toObject().value(QLatin1String("author_name")).toString());

        // The same files again: nothing to add or change.
        const QJsonObject again =
            supervisor->command(QStringLiteral("import_articles"),
                                {{QLatin1String("files"), files}, {QLatin1String("apply"), false}});
        QVERIFY(importedIds(again, "added").isEmpty() && importedIds(again, "changed").isEmpty());
        QCOMPARE(resultData(again).value(QLatin1String("unchanged")).toInt(), 3);
        // Not a list of files: refused.
        QCOMPARE(errorCode(supervisor->command(QStringLiteral("import_articles"),
                                               {{QLatin1String("files"), QStringLiteral("x")}})),
                 QStringLiteral("invalid_argument"));
    }

    void shouldExportWhatImportReadsBackIdentically()
    {
        QTemporaryDir source;
        QVERIFY(writeFile(source.filePath(QStringLiteral("ongkir.md")),
                          QStringLiteral("---\nid: ongkir\ntitle: Ongkos kirim\ntags: "
                                         "[ongkir/biaya kirim]\n---\n\nOngkir dihitung dari "
                                         "berat.\n")));
        RelayConfig config;
        config.dataDir = m_harness->dataDir();
        QString text;
        QTextStream out(&text);
        QTextStream err(&text);
        QCOMPARE(importKnowledgeBase(config, source.path(), out, err), 0);
        auto supervisor = m_harness->loggedIn(QStringLiteral("rina"));
        QJsonObject tricky = codPapua();
        tricky.insert(QLatin1String("title"), QStringLiteral("\"COD\": Papua & Maluku # 1"));
        tricky.insert(QLatin1String("questions"),
                      QJsonArray{QStringLiteral("- bisa cod?"), QStringLiteral("'cod' ke: papua")});
        tricky.insert(QLatin1String("body"),
                      QStringLiteral("# COD\n\n---\n\n- belum bisa\n- bayar: transfer"));
        QVERIFY(isOk(supervisor->command(QStringLiteral("save_article"), tricky)));
        const QList<KbArticle> before = m_knowledgeBase->articles();
        QCOMPARE(before.size(), 2);

        QTemporaryDir exported;
        QCOMPARE(exportKnowledgeBase(config, exported.path(), out, err), 0);
        QCOMPARE(QDir(exported.path()).entryList(QDir::Files),
                 (QStringList{QStringLiteral("cod-papua.md"), QStringLiteral("ongkir.md")}));
        QTemporaryDir elsewhere;
        RelayConfig other;
        other.dataDir = elsewhere.path();
        QCOMPARE(importKnowledgeBase(other, exported.path(), out, err), 0);
        QString error;
        {
            QSqlDatabase db =
                openDatabase(other.knowledgeBasePath(), QStringLiteral("tst-kb-other"),
                             SyncMode::Normal, &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            KnowledgeBase reimported(db);
            const QList<KbArticle> after = reimported.articles();
            QCOMPARE(after.size(), before.size());
            for (qsizetype i = 0; i < after.size(); ++i) {
                QCOMPARE(after.at(i).id, before.at(i).id);
                QCOMPARE(after.at(i).title, before.at(i).title);
                QCOMPARE(after.at(i).tags, before.at(i).tags);
                QCOMPARE(after.at(i).questions, before.at(i).questions);
                QCOMPARE(after.at(i).body, before.at(i).body);
            }
        }
        closeDatabase(QStringLiteral("tst-kb-other"));
    }

private:
    // A customer message the AI abstained on (its draft cites no article).
    qint64 abstainedOn(const QString &waId, const QString &text)
    {
        const qint64 chat = m_harness->receiveInbound(waId, text);
        m_harness->run([&](WriteTxn &txn) {
            Draft draft;
            draft.conversationId = chat;
            draft.forMessageId = DraftRepo::latestInboundMessage(txn.db(), chat);
            draft.text = QStringLiteral("Pertanyaan Kakak kami teruskan.");
            draft.confidence = 0.2;
            draft.handoff = true;
            return DraftRepo::insertPending(txn, draft)
                       ? WriteResult::success()
                       : WriteResult::failure(QStringLiteral("draft"));
        });
        return chat;
    }

    std::unique_ptr<HubHarness> m_harness;
    std::unique_ptr<KnowledgeBase> m_knowledgeBase;
    std::unique_ptr<KbDrafter> m_drafter;
};

QTEST_GUILESS_MAIN(tst_KbEditor)
#include "tst_kbeditor.moc"
