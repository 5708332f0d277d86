#include "sim/faultinjector.h"
#include "sim/simconfig.h"

#include <QTest>

using namespace Serambi::Sim;

class TestSimConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldParseListenAddresses()
    {
        QHostAddress address;
        quint16 port = 1;
        QVERIFY(parseListenAddress(QStringLiteral("127.0.0.1:0"), &address, &port));
        QCOMPARE(address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(port, quint16(0));
        QVERIFY(parseListenAddress(QStringLiteral("[::1]:8091"), &address, &port));
        QCOMPARE(address, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(port, quint16(8091));
        QVERIFY(!parseListenAddress(QStringLiteral("8091"), &address, &port));
        QVERIFY(!parseListenAddress(QStringLiteral("127.0.0.1:99999"), &address, &port));
        QVERIFY(!parseListenAddress(QStringLiteral("nowhere:80"), &address, &port));
    }

    void shouldParseStatusDelays()
    {
        std::array<int, 3> delays{};
        QVERIFY(parseStatusDelays(QStringLiteral("10,20,30"), &delays));
        QCOMPARE(delays[2], 30);
        QVERIFY(!parseStatusDelays(QStringLiteral("10,20"), &delays));
        QVERIFY(!parseStatusDelays(QStringLiteral("10,-1,30"), &delays));
    }

    void shouldTakeIdsAndSecretsFromTheEnvironment()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("SERAMBI_APP_SECRET"), QStringLiteral("s3cret"));
        environment.insert(QStringLiteral("SERAMBI_PHONE_NUMBER_ID"), QStringLiteral("555000111"));
        SimConfig config;
        QString error;
        QVERIFY(applyEnvironment(environment, &config, &error));
        QCOMPARE(config.appSecret, QByteArray("s3cret"));
        QCOMPARE(config.phoneNumberId, QStringLiteral("555000111"));
        QCOMPARE(config.graphToken, SimConfig().graphToken);
    }

    void shouldRefuseInvalidEnvironmentValuesWithoutEchoingSecrets()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("SERAMBI_GRAPH_TOKEN"), QStringLiteral(" t0ken-value "));
        SimConfig config;
        QString error;
        QVERIFY(!applyEnvironment(environment, &config, &error));
        QVERIFY(error.contains(QLatin1String("SERAMBI_GRAPH_TOKEN")));
        QVERIFY(!error.contains(QLatin1String("t0ken-value")));

        environment.clear();
        environment.insert(QStringLiteral("SERAMBI_WABA_ID"), QStringLiteral("12ab"));
        QVERIFY(!applyEnvironment(environment, &config, &error));
        QVERIFY(error.contains(QLatin1String("SERAMBI_WABA_ID")));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }

    void shouldParseFaultSpecs()
    {
        QString error;
        const std::optional<Fault> fault = Fault::fromSpec(QStringLiteral("rate_limit:3"), &error);
        QVERIFY(fault);
        QCOMPARE(fault->kind, Fault::Kind::RateLimit);
        QCOMPARE(fault->count, 3);
        QVERIFY(!Fault::fromSpec(QStringLiteral("meteor:1"), &error));
        QVERIFY(!Fault::fromSpec(QStringLiteral("timeout:0"), &error));
        QVERIFY(!Fault::fromSpec(QStringLiteral("timeout:x"), &error));
    }
};

QTEST_GUILESS_MAIN(TestSimConfig)
#include "tst_simconfig.moc"
