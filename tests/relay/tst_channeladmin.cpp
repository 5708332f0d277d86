// `serambi-relay channel add|list|remove`: the INI file as the owner left it, plus or minus one
// [channel.<name>] section, which the relay then reads as a channel.
#include "config/channeladmin.h"
#include "config/relayconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Serambi::Relay;

namespace {
const QByteArray Original = "# the shop's relay\n[relay]\nphone_number_id=109876543210\n"
                            "data_dir=DATA\n";
} // namespace

class TestChannelAdmin : public QObject
{
    Q_OBJECT

private:
    QString m_output;
    QString m_errors;
    QTextStream m_out{&m_output};
    QTextStream m_err{&m_errors};

    QByteArray ini() const
    {
        QFile file(m_path);
        file.open(QIODevice::ReadOnly);
        return file.readAll();
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("SERAMBI_APP_SECRET"), QStringLiteral("a"));
        env.insert(QStringLiteral("SERAMBI_VERIFY_TOKEN"), QStringLiteral("v"));
        env.insert(QStringLiteral("SERAMBI_GRAPH_TOKEN"), QStringLiteral("g"));
        env.insert(QStringLiteral("SERAMBI_CHANNEL_SERVICE_APP_SECRET"), QStringLiteral("sa"));
        env.insert(QStringLiteral("SERAMBI_CHANNEL_SERVICE_VERIFY_TOKEN"), QStringLiteral("sv"));
        env.insert(QStringLiteral("SERAMBI_CHANNEL_SERVICE_GRAPH_TOKEN"), QStringLiteral("sg"));
        return env;
    }

    ChannelAddition service() const
    {
        ChannelAddition channel;
        channel.name = QStringLiteral("service");
        channel.phoneNumberId = QStringLiteral("209876543210");
        channel.label = QStringLiteral("Servis");
        channel.colour = QStringLiteral("#3366cc");
        channel.ratePerSecond = 20;
        return channel;
    }

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        m_path = m_dir->filePath(QStringLiteral("relay.ini"));
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(Original).replace("DATA", m_dir->path().toUtf8()));
        file.close();
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        m_output.clear();
        m_errors.clear();
    }

    void shouldAddAChannelTheRelayThenServes()
    {
        QCOMPARE(addChannel(m_path, service(), m_out, m_err), 0);
        m_out.flush();
        QVERIFY(m_output.contains(QLatin1String("/webhook/service")));
        QVERIFY(m_output.contains(QLatin1String("SERAMBI_CHANNEL_SERVICE_GRAPH_TOKEN")));
        QVERIFY(ini().startsWith("# the shop's relay\n[relay]\n")); // the owner's comment stays
        QString error;
        const auto config = loadRelayConfig(m_path, environment(), &error);
        QVERIFY2(config, qPrintable(error));
        const auto channels = config->allChannels();
        QCOMPARE(channels.size(), 2);
        QCOMPARE(channels.at(1).name, QStringLiteral("service"));
        QCOMPARE(channels.at(1).phoneNumberId, QStringLiteral("209876543210"));
        QCOMPARE(channels.at(1).label, QStringLiteral("Servis"));
        QCOMPARE(channels.at(1).colour, QStringLiteral("#3366cc"));
        QCOMPARE(channels.at(1).ratePerSecond, 20);
        QCOMPARE(channels.at(1).graphToken, QByteArray("sg"));

        QCOMPARE(listChannels(m_path, m_out, m_err), 0);
        m_out.flush();
        QVERIFY(m_output.contains(QLatin1String("main\tcloud\t109876543210\tmain\t/webhook\n")));
        QVERIFY(m_output.contains(
            QLatin1String("service\tcloud\t209876543210\tServis\t/webhook/service\n")));
    }

    void shouldRefuseWhatWouldBreakTheConfiguration_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("expected");
        QTest::newRow("main") << QStringLiteral("main") << QStringLiteral("2")
                              << QStringLiteral("not main");
        QTest::newRow("bad name") << QStringLiteral("Toko Baru") << QStringLiteral("2")
                                  << QStringLiteral("a channel name is");
        QTest::newRow("main's number")
            << QStringLiteral("service") << QStringLiteral("109876543210")
            << QStringLiteral("already served ([relay])");
        QTest::newRow("not a number") << QStringLiteral("service") << QStringLiteral("+62811")
                                      << QStringLiteral("numeric ids");
    }

    void shouldRefuseWhatWouldBreakTheConfiguration()
    {
        QFETCH(QString, name);
        QFETCH(QString, number);
        QFETCH(QString, expected);
        ChannelAddition channel = service();
        channel.name = name;
        channel.phoneNumberId = number;
        QCOMPARE(addChannel(m_path, channel, m_out, m_err), 1);
        m_err.flush();
        QVERIFY2(m_errors.contains(expected), qPrintable(m_errors));
        QCOMPARE(ini(), QByteArray(Original).replace("DATA", m_dir->path().toUtf8()));
    }

    void shouldRefuseAChannelTwice()
    {
        QCOMPARE(addChannel(m_path, service(), m_out, m_err), 0);
        const QByteArray once = ini();
        QCOMPARE(addChannel(m_path, service(), m_out, m_err), 1);
        m_err.flush();
        QVERIFY(m_errors.contains(QLatin1String("already exists")));
        QCOMPARE(ini(), once);
    }

    void shouldRemoveOnlyThatSection()
    {
        ChannelAddition other = service();
        other.name = QStringLiteral("other");
        other.phoneNumberId = QStringLiteral("309876543210");
        QCOMPARE(addChannel(m_path, service(), m_out, m_err), 0);
        QCOMPARE(addChannel(m_path, other, m_out, m_err), 0);
        QCOMPARE(removeChannel(m_path, QStringLiteral("service"), m_out, m_err), 0);
        const QByteArray left = ini();
        QVERIFY(left.startsWith("# the shop's relay\n[relay]\n"));
        QVERIFY(!left.contains("[channel.service]"));
        QVERIFY(!left.contains("209876543210"));
        QVERIFY(left.contains("[channel.other]\nprovider=cloud\nphone_number_id=309876543210\n"));
        QCOMPARE(removeChannel(m_path, QStringLiteral("service"), m_out, m_err), 1);
        QCOMPARE(removeChannel(m_path, QStringLiteral("main"), m_out, m_err), 1);
        QCOMPARE(ini(), left);
    }

    void shouldListATwilioChannelByItsNumber()
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("[channel.grosir]\nprovider=twilio\nnumber=+14155238886\nlabel=Grosir\n");
        file.close();
        QCOMPARE(listChannels(m_path, m_out, m_err), 0);
        m_out.flush();
        QVERIFY2(m_output.contains(
                     QLatin1String("grosir\ttwilio\t+14155238886\tGrosir\t/webhook/grosir\n")),
                 qPrintable(m_output));
    }

private:
    std::optional<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestChannelAdmin)
#include "tst_channeladmin.moc"
