// A streaming draft on a real hub: the text so far reaches the consoles watching live as
// draft.updated frames without seq, is never stored, and a console that resumes later gets
// the final pending draft but none of the streaming frames.
#include "ai/draftcoordinator.h"
#include "support/relay/hubharness.h"

#include <QTest>

using namespace Serambi::Relay;
using namespace Serambi::Test;

namespace {

// Keeps the callbacks of one request so the test streams and finishes it.
class ScriptedDrafter final : public Drafter
{
public:
    QString name() const override { return QStringLiteral("scripted"); }
    void draft(const DraftRequest &request, std::function<void(const DraftResult &)> done) override
    {
        draftStreaming(request, {}, std::move(done));
    }
    void draftStreaming(const DraftRequest &, std::function<void(const QString &)> partial,
                        std::function<void(const DraftResult &)> done) override
    {
        m_partial = std::move(partial);
        m_done = std::move(done);
    }

    bool asked() const { return bool(m_done); }
    void write(const QString &text) { m_partial(text); }
    void finish(const QString &text)
    {
        DraftResult result;
        result.text = text;
        result.confidence = 0.6;
        result.sources = {QStringLiteral("ongkir")};
        m_done(result);
    }

private:
    std::function<void(const QString &)> m_partial;
    std::function<void(const DraftResult &)> m_done;
};

bool isDraft(const QJsonObject &frame, const char *state)
{
    return frameType(frame) == QLatin1String("event") &&
           frame.value(QLatin1String("kind")).toString() == QLatin1String("draft.updated") &&
           frame.value(QLatin1String("data")).toObject().value(QLatin1String("state")).toString() ==
               QLatin1String(state);
}

} // namespace

class TestDraftStreaming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldStreamLiveOnlyAndReplayJustTheFinalDraft()
    {
        HubHarness harness;
        QVERIFY(harness.start());
        QVERIFY(harness.addUser(QStringLiteral("sari"), QStringLiteral("supervisor"),
                                QStringLiteral("kopi-tubruk")) > 0);
        // An earlier chat, so that the console below has a seq to resume from.
        harness.receiveInbound(QStringLiteral("6281234500001"), QStringLiteral("halo"));
        ScriptedDrafter drafter;
        DraftCoordinator coordinator(harness.writer(), harness.reader(), &drafter);
        QObject::connect(harness.writer(), &StoreWriter::eventsCommitted, &coordinator,
                         &DraftCoordinator::handleEvents);
        QObject::connect(&coordinator, &DraftCoordinator::draftStreaming, harness.hub(),
                         &AgentHub::publishLive);

        ProtocolClient live;
        live.login(harness.url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        const qint64 before = live.subscribe(0).value(QLatin1String("seq")).toInteger();
        QVERIFY(before > 0);

        harness.receiveInbound(QStringLiteral("6281234500009"), QStringLiteral("ongkir brp?"));
        QTRY_VERIFY(drafter.asked());
        drafter.write(QStringLiteral("Halo Kak"));
        const QJsonObject first =
            live.take([](const QJsonObject &frame) { return isDraft(frame, "streaming"); });
        QVERIFY2(!first.isEmpty(), "the streaming text never reached the live console");
        QVERIFY(!first.contains(QLatin1String("seq")));
        QCOMPARE(first.value(QLatin1String("data")).toObject().value(QLatin1String("text")),
                 QStringLiteral("Halo Kak"));
        drafter.write(QStringLiteral("Halo Kak, ongkir ke"));
        QVERIFY(!live.take([](const QJsonObject &frame) { return isDraft(frame, "streaming"); })
                     .isEmpty());
        drafter.finish(QStringLiteral("Halo Kak, ongkir ke Bandung Rp12.000."));
        const QJsonObject pending =
            live.take([](const QJsonObject &frame) { return isDraft(frame, "pending"); });
        QVERIFY2(!pending.isEmpty(), "the final draft never reached the live console");

        // Nothing of the stream is stored, and no seq was used up by it.
        QCOMPARE(harness.count(QStringLiteral("SELECT COUNT(*) FROM events WHERE kind = "
                                              "'draft.updated'")),
                 1);
        const QList<qint64> seqs = live.eventSeqs();
        QList<qint64> stored;
        for (const qint64 seq : seqs)
            if (seq > 0)
                stored.append(seq);
        for (qsizetype i = 0; i < stored.size(); ++i)
            QCOMPARE(stored.at(i), before + 1 + i);

        // A console resuming from before the message gets the final draft, not the stream.
        ProtocolClient resumed;
        resumed.login(harness.url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        QCOMPARE(frameType(resumed.subscribe(before)), QStringLiteral("subscribed"));
        int pendingDrafts = 0;
        for (const QJsonObject &frame : resumed.frames()) {
            QVERIFY2(!isDraft(frame, "streaming"), "a streaming frame was replayed");
            pendingDrafts += isDraft(frame, "pending") ? 1 : 0;
        }
        QCOMPARE(pendingDrafts, 1);
    }
};

QTEST_GUILESS_MAIN(TestDraftStreaming)
#include "tst_draftstreaming.moc"
