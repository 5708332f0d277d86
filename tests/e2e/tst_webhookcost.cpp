// A guard against the relay getting slower per webhook, without timing anything: the CPU the
// whole process spends taking N signed webhooks through the real relay (HTTP, signature, parse,
// store, events, three subscribed consoles, drafts from the demo knowledge base) is divided by
// the CPU of only verifying and parsing the same N bodies, in the same process and run. The
// ratio may be at most twice the one recorded in tests/data/perf/webhookcost.json for this
// build type (docs/performance.md, "Regression guard").
#include "service/kbadmin.h"
#include "support/loopback/loopbackrelay.h"
#include "support/protocolclient.h"
#include "support/testdata.h"
#include "whatsapp/signature.h"
#include "whatsapp/webhookparser.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <ctime>
#include <memory>
#include <vector>

using namespace Serambi;

namespace {
constexpr int Webhooks = 400;
constexpr int InFlight = 8;
constexpr int Consoles = 3;
// The floor is measured over the bodies this many times, so it is not lost in the clock's noise.
constexpr int FloorPasses = 20;

// The key of the recorded ratio: the build type, and whether AddressSanitizer slows everything
// (the asan preset is a Debug build too; no ratio is recorded for it).
#if defined(__SANITIZE_ADDRESS__)
const QLatin1String BuildKey(SERAMBI_BUILD_TYPE "+asan");
#else
const QLatin1String BuildKey(SERAMBI_BUILD_TYPE);
#endif

// CPU seconds of every thread of this process so far.
double processCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

QString wamidOf(int index)
{
    return QStringLiteral("wamid.webhookcost.%1").arg(index);
}

// A customer's question, about 530 bytes of webhook like the benchmark's.
QString question(int index)
{
    return QStringLiteral("Kak, paket saya nomor %1 belum sampai, ongkirnya berapa ke Bandung dan "
                          "bisa bayar di tempat?")
        .arg(index);
}
} // namespace

class TestWebhookCost : public QObject
{
    Q_OBJECT

private:
    // Posts every body, InFlight at a time on one keep-alive client; the number answered 200.
    int postAll(const QUrl &url, const std::vector<QByteArray> &bodies,
                const std::vector<QByteArray> &signatures)
    {
        QNetworkAccessManager network;
        int next = 0;
        int done = 0;
        int ok = 0;
        QEventLoop loop;
        std::function<void()> postNext = [&] {
            const int index = next++;
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
            request.setRawHeader(QByteArrayLiteral("X-Hub-Signature-256"), signatures[index]);
            QNetworkReply *reply = network.post(request, bodies[index]);
            connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                    ++ok;
                reply->deleteLater();
                if (++done == int(bodies.size()))
                    loop.quit();
                else if (next < int(bodies.size()))
                    postNext();
            });
        };
        for (int i = 0; i < InFlight && next < int(bodies.size()); ++i)
            postNext();
        loop.exec();
        return ok;
    }

private Q_SLOTS:
    void shouldNotCostMoreThanTwiceTheRecordedRatioToVerifyAndParse()
    {
        const QJsonObject recorded =
            QJsonDocument::fromJson(Test::readData(QStringLiteral("perf/webhookcost.json")))
                .object();
        const double recordedRatio = recorded.value(BuildKey).toDouble();
        if (recordedRatio <= 0)
            QSKIP("no ratio recorded for this build type in tests/data/perf/webhookcost.json");

        Test::LoopbackRelay loop;
        QString error;
        QVERIFY2(loop.startSimulator(&error), qPrintable(error));
        QVERIFY(loop.addUser(QStringLiteral("ayu"), QStringLiteral("Ayu"),
                             QStringLiteral("supervisor"), QStringLiteral("rahasia-ayu")));
        const Relay::RelayConfig config = loop.relayConfig();
        QString report;
        QTextStream out(&report);
        QCOMPARE(Relay::importKnowledgeBase(config, QStringLiteral(SERAMBI_DEMO_KB), out, out), 0);
        QVERIFY2(loop.startRelay(config, &error), qPrintable(error));
        std::vector<std::unique_ptr<Test::ProtocolClient>> consoles;
        for (int i = 0; i < Consoles; ++i) {
            consoles.push_back(std::make_unique<Test::ProtocolClient>());
            QVERIFY(consoles.back()->signIn(loop.agentsUrl(), QStringLiteral("ayu"),
                                            QStringLiteral("rahasia-ayu")));
            QVERIFY(!consoles.back()->subscribe(0).isEmpty());
        }

        std::vector<QByteArray> bodies;
        std::vector<QByteArray> signatures;
        for (int i = 0; i < Webhooks; ++i) {
            bodies.push_back(loop.textWebhook(QStringLiteral("62812%1").arg(7000000 + i % 50),
                                              wamidOf(i), question(i), 1764900000 + i));
            signatures.push_back(Test::LoopbackRelay::signature(bodies.back()));
        }

        // The floor: what only checking and reading these webhooks costs.
        double started = processCpuSeconds();
        int parsed = 0;
        for (int pass = 0; pass < FloorPasses; ++pass) {
            for (int i = 0; i < Webhooks; ++i) {
                if (Relay::verifyWebhookSignature(bodies[i], signatures[i], config.appSecret) &&
                    Relay::parseWebhook(bodies[i]))
                    ++parsed;
            }
        }
        const double floorSeconds = (processCpuSeconds() - started) / FloorPasses;
        QCOMPARE(parsed, Webhooks * FloorPasses);

        // The relay: the same webhooks over HTTP until every console shows the last one.
        started = processCpuSeconds();
        QUrl url = loop.agentsUrl();
        url.setScheme(QStringLiteral("http"));
        url.setPath(QStringLiteral("/webhook"));
        QCOMPARE(postAll(url, bodies, signatures), Webhooks);
        for (const auto &console : consoles) {
            const QJsonObject last = console->waitForEvent([](const QJsonObject &event) {
                return event.value(QLatin1String("kind")).toString() ==
                           QLatin1String("message.created") &&
                       event.value(QLatin1String("data"))
                               .toObject()
                               .value(QLatin1String("wamid"))
                               .toString() == wamidOf(Webhooks - 1);
            });
            QVERIFY2(!last.isEmpty(), "a console never saw the last webhook's message");
        }
        const double relaySeconds = processCpuSeconds() - started;

        const double ratio = relaySeconds / floorSeconds;
        qInfo("relay %.1f us of CPU per webhook, verify+parse %.1f us: %.1f x (recorded %.1f x "
              "for %s)",
              relaySeconds * 1e6 / Webhooks, floorSeconds * 1e6 / Webhooks, ratio, recordedRatio,
              BuildKey.data());
        QVERIFY2(ratio <= 2 * recordedRatio,
                 qPrintable(QStringLiteral("a webhook costs %1 x verify+parse, more than twice "
                                           "the recorded %2 x")
                                .arg(ratio, 0, 'f', 1)
                                .arg(recordedRatio, 0, 'f', 1)));
    }
};

QTEST_MAIN(TestWebhookCost)
#include "tst_webhookcost.moc"
