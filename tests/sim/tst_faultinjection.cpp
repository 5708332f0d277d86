#include "support/sim/simfixture.h"

#include "sim/simulator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace Serambi::Sim;
using namespace Serambi::Test;

namespace {

const QString Customer = QStringLiteral("6281234567002");

QJsonObject text()
{
    return {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("to"), QString(QStringLiteral("+") + Customer)},
            {QStringLiteral("type"), QStringLiteral("text")},
            {QStringLiteral("text"),
             QJsonObject{{QStringLiteral("body"), QStringLiteral("Siap kak")}}}};
}

int code(const HttpResponse &response)
{
    return response.json()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toInt();
}

} // namespace

class TestFaultInjection : public QObject, public SimFixture
{
    Q_OBJECT

private:
    void addFault(const QJsonObject &fault)
    {
        QCOMPARE(m_control->post(QStringLiteral("/_sim/faults"), fault).status, 200);
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(startSimulator(quietConfig(), &error), qPrintable(error));
        QVERIFY(!m_sim->customers()
                     .sendMessage(Customer,
                                  {{QStringLiteral("type"), QStringLiteral("text")},
                                   {QStringLiteral("text"), QStringLiteral("Halo")}},
                                  &error)
                     .isEmpty());
    }

    void cleanup()
    {
        m_client.reset();
        m_control.reset();
        m_sim.reset();
    }

    void shouldRateLimitTheNextSendsThenRecover()
    {
        QString error;
        m_sim->faults().add(*Fault::fromSpec(QStringLiteral("rate_limit:2"), &error));
        // Faults are for sends; other Graph calls are unaffected.
        QCOMPARE(
            m_client->get(QStringLiteral("/v25.0/%1/message_templates").arg(m_sim->config().wabaId))
                .status,
            200);
        for (int i = 0; i < 2; ++i) {
            const HttpResponse response = m_client->post(m_messages, text());
            QCOMPARE(response.status, 400);
            QCOMPARE(code(response), 130429);
            QVERIFY(response.header("Retry-After").isEmpty());
        }
        QCOMPARE(m_client->post(m_messages, text()).status, 200);
        QCOMPARE(m_sim->state().counters().sendsAccepted, 1);
        const QList<RecordedRequest> sends =
            m_sim->requests().matching(QStringLiteral("POST"), QStringLiteral("/messages"));
        QCOMPARE(sends.size(), 3);
        QCOMPARE(sends.at(0).fault, QStringLiteral("rate_limit"));
        QCOMPARE(sends.at(2).fault, QString());
    }

    void shouldAnswer429WithRetryAfterWhenAsked()
    {
        addFault({{QStringLiteral("kind"), QStringLiteral("rate_limit")},
                  {QStringLiteral("count"), 1},
                  {QStringLiteral("retry_after"), 7}});
        const HttpResponse response = m_client->post(m_messages, text());
        QCOMPARE(response.status, 429);
        QCOMPARE(response.header("Retry-After"), QByteArray("7"));
        QCOMPARE(code(response), 130429);
        QCOMPARE(m_client->post(m_messages, text()).status, 200);
    }

    void shouldAnswerServerErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("metaCode");
        QTest::newRow("500") << 500 << 131000;
        QTest::newRow("503") << 503 << 2;
    }

    void shouldAnswerServerErrors()
    {
        QFETCH(int, status);
        QFETCH(int, metaCode);
        addFault({{QStringLiteral("kind"), QStringLiteral("server_error")},
                  {QStringLiteral("count"), 1},
                  {QStringLiteral("status"), status}});
        const HttpResponse response = m_client->post(m_messages, text());
        QCOMPARE(response.status, status);
        QCOMPARE(code(response), metaCode);
        QCOMPARE(m_client->post(m_messages, text()).status, 200);
    }

    void shouldHoldATimedOutSendUntilTheClientGivesUp()
    {
        addFault(
            {{QStringLiteral("kind"), QStringLiteral("timeout")}, {QStringLiteral("count"), 1}});
        m_client->setTimeoutMs(300);
        QCOMPARE(m_client->post(m_messages, text()).status, 0);
        QTRY_COMPARE(m_sim->server().heldCount(), 0);
        QCOMPARE(m_sim->state().counters().sendsAccepted, 0);
        m_client->setTimeoutMs(5000);
        QCOMPARE(m_client->post(m_messages, text()).status, 200);
        QCOMPARE(m_sim->state().counters().sendsAccepted, 1);
    }

    void shouldAnswerADelayedSendLate()
    {
        addFault({{QStringLiteral("kind"), QStringLiteral("timeout")},
                  {QStringLiteral("count"), 1},
                  {QStringLiteral("delay_ms"), 400}});
        QElapsedTimer clock;
        clock.start();
        const HttpResponse response = m_client->post(m_messages, text());
        QCOMPARE(response.status, 200);
        QVERIFY(clock.elapsed() >= 350);
        QCOMPARE(m_sim->state().counters().sendsAccepted, 1);
    }

    void shouldFailMediaDownloadsOnlyWhenTheFaultTargetsThem()
    {
        addFault({{QStringLiteral("kind"), QStringLiteral("server_error")},
                  {QStringLiteral("target"), QStringLiteral("media_download")}});
        QCOMPARE(m_client->post(m_messages, text()).status, 200); // sends are not affected
        const QString url = m_client->get(QStringLiteral("/v25.0/7100000000000001"))
                                .json()
                                .value(QLatin1String("url"))
                                .toString();
        QVERIFY(!url.isEmpty());
        QCOMPARE(m_client->get(url).status, 500);
        QCOMPARE(m_client->get(url).status, 200);
        QCOMPARE(m_sim->faults().pending(), 0);
    }

    void shouldRefuseMalformedFaults()
    {
        QCOMPARE(m_control
                     ->post(QStringLiteral("/_sim/faults"),
                            {{QStringLiteral("kind"), QStringLiteral("server_error")},
                             {QStringLiteral("target"), QStringLiteral("webhooks")}})
                     .status,
                 400);
        QCOMPARE(m_control
                     ->post(QStringLiteral("/_sim/faults"),
                            {{QStringLiteral("kind"), QStringLiteral("meteor")}})
                     .status,
                 400);
        QCOMPARE(m_control
                     ->post(QStringLiteral("/_sim/faults"),
                            {{QStringLiteral("kind"), QStringLiteral("server_error")},
                             {QStringLiteral("status"), 502}})
                     .status,
                 400);
        QCOMPARE(m_sim->faults().pending(), 0);
    }

    void shouldForgetFaultsAndRequestsOnReset()
    {
        addFault({{QStringLiteral("kind"), QStringLiteral("server_error")},
                  {QStringLiteral("count"), 5}});
        QCOMPARE(m_client->post(m_messages, text()).status, 500);
        QJsonObject state = m_control->get(QStringLiteral("/_sim/state")).json();
        QCOMPARE(state.value(QStringLiteral("faults_pending")).toInt(), 4);
        QCOMPARE(state.value(QStringLiteral("requests_recorded")).toInt(), 1);

        QCOMPARE(m_control->post(QStringLiteral("/_sim/reset"), {}).status, 200);
        state = m_control->get(QStringLiteral("/_sim/state")).json();
        QCOMPARE(state.value(QStringLiteral("faults_pending")).toInt(), 0);
        QCOMPARE(state.value(QStringLiteral("requests_recorded")).toInt(), 0);
        QCOMPARE(state.value(QStringLiteral("last_request_seq")).toInt(), 1);
        // The reset also closed the customer's window.
        QCOMPARE(code(m_client->post(m_messages, text())), 131047);
    }
};

QTEST_GUILESS_MAIN(TestFaultInjection)
#include "tst_faultinjection.moc"
