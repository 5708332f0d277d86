// Knowledge-base suggestions: what agents answer where the AI abstained, or where they rewrote
// its draft, is recorded with the customer's private data masked, grouped by similar questions,
// and listed to supervisors and admins only.
#include "ai/kbsuggestions.h"
#include "store/draftrepo.h"
#include "support/relay/hubharness.h"

#include <QJsonArray>
#include <QTest>

using namespace Serambi::Relay;
using namespace Serambi::Test;

namespace {

QJsonObject resultData(const QJsonObject &result)
{
    return result.value(QLatin1String("data")).toObject();
}

bool isOk(const QJsonObject &result)
{
    return result.value(QLatin1String("ok")).toBool();
}

} // namespace

class tst_KbSuggestions : public QObject
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
    }

    void cleanup() { m_harness.reset(); }

    void shouldMaskPhoneNumbersAddressesAndOrderNumbers()
    {
        QCOMPARE(KbSuggestions::mask(QStringLiteral(
                     "cod ke papua bisa? wa sy 0812-3456-7890 atau +62 813 1111 2222")),
                 QStringLiteral("cod ke papua bisa? wa sy [nomor telepon] atau [nomor telepon]"));
        QCOMPARE(KbSuggestions::mask(
                     QStringLiteral("kirim ke Jl. Melati Raya No. 5, Bandung. RT 03/RW 05 ya")),
                 QStringLiteral("kirim ke [alamat], Bandung. [alamat] ya"));
        QCOMPARE(KbSuggestions::mask(
                     QStringLiteral("order #SJ2411280117 dan 241203-0702 blm sampai, email "
                                    "dewi.a@mail.com, ongkir Rp25000")),
                 QStringLiteral("order [nomor] dan [nomor] blm sampai, email [email], ongkir "
                                "Rp25000"));
    }

    void shouldSuggestWhatAgentsAnsweredWhereTheAiAbstained()
    {
        const qint64 first = inboundWithDraft(
            QStringLiteral("628111"), QStringLiteral("bisa cod ke papua? hp sy 081234567890"), {});
        const qint64 second = inboundWithDraft(
            QStringLiteral("628222"), QStringLiteral("kalau cod ke papua bisa ga kak"), {});
        const qint64 other =
            inboundWithDraft(QStringLiteral("628333"), QStringLiteral("jual voucher game?"), {});
        auto agent = m_harness->loggedIn(QStringLiteral("sari"));
        for (const qint64 chat : {first, second, other})
            QVERIFY(isOk(agent->command(
                QStringLiteral("send_text"),
                {{QLatin1String("conversation_id"), chat},
                 {QLatin1String("text"), QStringLiteral("COD ke Papua belum bisa, Kak.")}})));
        // A second answer to the same message is not a second suggestion.
        QVERIFY(isOk(agent->command(QStringLiteral("send_text"),
                                    {{QLatin1String("conversation_id"), first},
                                     {QLatin1String("text"), QStringLiteral("Ada lagi, Kak?")}})));

        QCOMPARE(agent->command(QStringLiteral("list_kb_suggestions"), {})
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("code"))
                     .toString(),
                 QStringLiteral("forbidden"));
        auto supervisor = m_harness->loggedIn(QStringLiteral("rina"));
        const QJsonObject listed = supervisor->command(QStringLiteral("list_kb_suggestions"), {});
        QVERIFY2(isOk(listed), qPrintable(errorCode(listed)));
        const QJsonArray groups = resultData(listed).value(QLatin1String("groups")).toArray();
        QCOMPARE(groups.size(), 2);
        const QJsonObject cod = groups.at(0).toObject();
        QCOMPARE(cod.value(QLatin1String("count")).toInt(), 2);
        QVERIFY(cod.value(QLatin1String("terms")).toArray().contains(QStringLiteral("cod")));
        QCOMPARE(cod.value(QLatin1String("reply")).toString(),
                 QStringLiteral("COD ke Papua belum bisa, Kak."));
        const QJsonArray questions = cod.value(QLatin1String("questions")).toArray();
        QVERIFY(questions.contains(QStringLiteral("bisa cod ke papua? hp sy [nomor telepon]")));
        QCOMPARE(groups.at(1).toObject().value(QLatin1String("count")).toInt(), 1);
    }

    void shouldSuggestARewrittenDraftButNotOneApprovedAsWritten()
    {
        const QString answer =
            QStringLiteral("Ongkos kirim dihitung dari berat paket dan kota tujuan, Kak.");
        const qint64 kept = inboundWithDraft(QStringLiteral("628111"),
                                             QStringLiteral("ongkir ke bandung brp"), answer);
        const qint64 rewritten = inboundWithDraft(
            QStringLiteral("628222"), QStringLiteral("ongkir ke wamena brp kak"), answer);
        auto agent = m_harness->loggedIn(QStringLiteral("sari"));
        QVERIFY(isOk(
            agent->command(QStringLiteral("send_text"),
                           {{QLatin1String("conversation_id"), kept},
                            {QLatin1String("draft_id"), pendingDraft(kept)},
                            {QLatin1String("text"), QString(answer + QStringLiteral(" 🙏"))}})));
        QVERIFY(isOk(agent->command(
            QStringLiteral("send_text"),
            {{QLatin1String("conversation_id"), rewritten},
             {QLatin1String("draft_id"), pendingDraft(rewritten)},
             {QLatin1String("text"),
              QStringLiteral("Untuk Wamena kami kirim lewat Pos, sekitar 2 minggu ya.")}})));
        auto supervisor = m_harness->loggedIn(QStringLiteral("rina"));
        const QJsonArray groups =
            resultData(supervisor->command(QStringLiteral("list_kb_suggestions"), {}))
                .value(QLatin1String("groups"))
                .toArray();
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups.at(0).toObject().value(QLatin1String("questions")).toArray(),
                 QJsonArray({QStringLiteral("ongkir ke wamena brp kak")}));
    }

private:
    // A customer message with the AI's pending draft: an abstention without text, else a draft
    // citing an article.
    qint64 inboundWithDraft(const QString &waId, const QString &text, const QString &draftText)
    {
        const qint64 chat = m_harness->receiveInbound(waId, text);
        const WriteResult stored = m_harness->run([&](WriteTxn &txn) {
            Draft draft;
            draft.conversationId = chat;
            draft.forMessageId = DraftRepo::latestInboundMessage(txn.db(), chat);
            draft.text =
                draftText.isEmpty() ? QStringLiteral("Pertanyaan Kakak kami teruskan.") : draftText;
            draft.confidence = draftText.isEmpty() ? 0.2 : 0.9;
            if (!draftText.isEmpty())
                draft.sources = {QStringLiteral("ongkir")};
            draft.handoff = draftText.isEmpty();
            return DraftRepo::insertPending(txn, draft)
                       ? WriteResult::success(draft.id)
                       : WriteResult::failure(QStringLiteral("draft"));
        });
        if (!stored.ok)
            qWarning() << "cannot store the draft";
        return chat;
    }

    qint64 pendingDraft(qint64 chat)
    {
        const auto draft = DraftRepo::pendingFor(m_harness->reader()->db(), chat);
        return draft ? draft->id : 0;
    }

    std::unique_ptr<HubHarness> m_harness;
};

QTEST_GUILESS_MAIN(tst_KbSuggestions)
#include "tst_kbsuggestions.moc"
