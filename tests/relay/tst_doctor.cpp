// `serambi-relay doctor`: each check passes on a good setup and names the fix on a bad one; the
// public URL handshake goes to a real relay process over loopback HTTP.
#include "service/doctor.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Serambi::Relay;

namespace {

constexpr int TimeoutMs = 20000;

QProcessEnvironment relayEnvironment(const QString &dataDir)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("SERAMBI_LISTEN"), QStringLiteral("127.0.0.1:0"));
    env.insert(QStringLiteral("SERAMBI_DATA_DIR"), dataDir);
    env.insert(QStringLiteral("SERAMBI_GRAPH_URL"), QStringLiteral("http://127.0.0.1:9/v25.0"));
    env.insert(QStringLiteral("SERAMBI_PHONE_NUMBER_ID"), QStringLiteral("1234567890"));
    return env;
}

void writeFile(const QString &path, const QByteArray &content, QFile::Permissions permissions)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QVERIFY(file.setPermissions(permissions));
}

const QByteArray Secrets = "SERAMBI_APP_SECRET=doctor-secret\nSERAMBI_VERIFY_TOKEN=doctor-verify\n"
                           "SERAMBI_GRAPH_TOKEN=doctor-graph\n";

QString failures(const QList<DoctorFinding> &findings)
{
    QStringList lines;
    for (const DoctorFinding &finding : findings) {
        if (!finding.ok)
            lines << finding.what + QStringLiteral(" / ") + finding.fix;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestDoctor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_envFile = m_dir.filePath(QStringLiteral("secrets.env"));
        writeFile(m_envFile, Secrets, QFile::ReadOwner | QFile::WriteOwner);
        // The relay whose /webhook answers the handshake, as it would behind the proxy.
        QProcessEnvironment env = relayEnvironment(m_dir.filePath(QStringLiteral("relay")));
        env.insert(QStringLiteral("SERAMBI_SECRETS_FILE"), m_envFile);
        m_relay.setProcessEnvironment(env);
        m_relay.start(QStringLiteral(SERAMBI_RELAY_BINARY), {});
        QVERIFY(m_relay.waitForStarted(TimeoutMs));
        static const QRegularExpression listening(QStringLiteral("listening on (http://\\S+)"));
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT((output += m_relay.readAllStandardOutput(),
                                  listening.match(QString::fromUtf8(output)).hasMatch()),
                                 TimeoutMs);
        m_relayUrl = QUrl(listening.match(QString::fromUtf8(output)).captured(1));
    }

    void cleanupTestCase()
    {
        m_relay.terminate();
        m_relay.waitForFinished(TimeoutMs);
    }

    void aGoodSetupPassesEveryCheck()
    {
        DoctorOptions options;
        options.envFile = m_envFile;
        options.publicUrl = m_relayUrl;
        const auto findings =
            runDoctor(options, relayEnvironment(m_dir.filePath(QStringLiteral("data"))));
        QCOMPARE(failures(findings), QString());
        QCOMPARE(findings.size(), 5);
        QVERIFY(findings.at(0).what.contains(QLatin1String("is private")));
        QVERIFY(findings.at(2).what.contains(QLatin1String("is writable")));
        QVERIFY(findings.at(4).what.contains(QLatin1String("answers Meta's verification")));
    }

    void aSecretsFileOthersCanReadFails()
    {
        const QString path = m_dir.filePath(QStringLiteral("open.env"));
        writeFile(path, Secrets, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        DoctorOptions options;
        options.envFile = path;
        const auto findings =
            runDoctor(options, relayEnvironment(m_dir.filePath(QStringLiteral("data"))));
        QVERIFY(!findings.first().ok);
        QVERIFY(findings.first().what.contains(QLatin1String("can be read by others")));
        QCOMPARE(findings.first().fix, QStringLiteral("run `chmod 600 %1`").arg(path));
    }

    void aMissingSecretsFileFails()
    {
        DoctorOptions options;
        options.envFile = m_dir.filePath(QStringLiteral("none.env"));
        const auto findings =
            runDoctor(options, relayEnvironment(m_dir.filePath(QStringLiteral("data"))));
        QVERIFY(!findings.first().ok);
        QVERIFY(findings.first().what.contains(QLatin1String("does not exist")));
        QVERIFY(findings.first().fix.contains(QLatin1String("install -m 600")));
    }

    void aMissingSecretStopsAtTheConfiguration()
    {
        const auto findings =
            runDoctor(DoctorOptions{}, relayEnvironment(m_dir.filePath(QStringLiteral("data"))));
        QCOMPARE(findings.size(), 1);
        QVERIFY(!findings.first().ok);
        QVERIFY(findings.first().what.contains(QLatin1String("SERAMBI_APP_SECRET")));
    }

    void anUnwritableDataDirFails()
    {
        // The loader creates a missing directory; /proc exists and takes no files, even from root.
        DoctorOptions options;
        options.envFile = m_envFile;
        const auto findings = runDoctor(options, relayEnvironment(QStringLiteral("/proc")));
        QVERIFY2(failures(findings).contains(QLatin1String("data directory /proc is not writable")),
                 qPrintable(failures(findings)));
    }

    void aPortInUseIsReportedAndAForeignAddressFails()
    {
        QTcpServer holder;
        QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
        DoctorOptions options;
        options.envFile = m_envFile;
        QProcessEnvironment env = relayEnvironment(m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("SERAMBI_LISTEN"),
                   QStringLiteral("127.0.0.1:%1").arg(holder.serverPort()));
        auto findings = runDoctor(options, env);
        QCOMPARE(failures(findings), QString());
        QVERIFY(findings.at(3).what.contains(QLatin1String("is in use")));

        // An address of no interface here (TEST-NET-1).
        env.insert(QStringLiteral("SERAMBI_LISTEN"), QStringLiteral("192.0.2.1:8090"));
        findings = runDoctor(options, env);
        QVERIFY(failures(findings).contains(QLatin1String("cannot listen on 192.0.2.1:8090")));
    }

    void aPublicUrlWithAnotherVerifyTokenFails()
    {
        QProcessEnvironment env = relayEnvironment(m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("SERAMBI_APP_SECRET"), QStringLiteral("doctor-secret"));
        env.insert(QStringLiteral("SERAMBI_VERIFY_TOKEN"), QStringLiteral("another-token"));
        env.insert(QStringLiteral("SERAMBI_GRAPH_TOKEN"), QStringLiteral("doctor-graph"));
        DoctorOptions options;
        options.publicUrl = m_relayUrl;
        const auto findings = runDoctor(options, env);
        QVERIFY(failures(findings).contains(QLatin1String("refused the verify token")));
    }

    void anUnreachablePublicUrlFails()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        DoctorOptions options;
        options.envFile = m_envFile;
        options.publicUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        const auto findings =
            runDoctor(options, relayEnvironment(m_dir.filePath(QStringLiteral("data"))));
        QVERIFY(failures(findings).contains(QLatin1String("cannot be reached")));
    }

    void theVerbPrintsTheReportAndFailsOnBadInput()
    {
        QProcess doctor;
        doctor.setProcessEnvironment(relayEnvironment(m_dir.filePath(QStringLiteral("data"))));
        doctor.start(QStringLiteral(SERAMBI_RELAY_BINARY),
                     {QStringLiteral("doctor"), QStringLiteral("--env-file"), m_envFile,
                      QStringLiteral("--public-url"), m_relayUrl.toString()});
        QVERIFY(doctor.waitForFinished(TimeoutMs));
        const QString report = QString::fromUtf8(doctor.readAllStandardOutput());
        QCOMPARE(doctor.exitCode(), 0);
        QVERIFY(report.contains(QLatin1String("ok    the configuration loads")));
        QVERIFY(report.endsWith(QLatin1String("serambi-relay: ready to go live\n")));

        doctor.start(QStringLiteral(SERAMBI_RELAY_BINARY),
                     {QStringLiteral("doctor"), QStringLiteral("--env-file"),
                      m_dir.filePath(QStringLiteral("none.env"))});
        QVERIFY(doctor.waitForFinished(TimeoutMs));
        QCOMPARE(doctor.exitCode(), 1);
        QVERIFY(doctor.readAllStandardOutput().contains("FAIL  secrets file"));

        doctor.start(QStringLiteral(SERAMBI_RELAY_BINARY),
                     {QStringLiteral("doctor"), QStringLiteral("--public-url")});
        QVERIFY(doctor.waitForFinished(TimeoutMs));
        QCOMPARE(doctor.exitCode(), 2);
        QVERIFY(doctor.readAllStandardError().contains("usage: doctor"));
    }

private:
    QTemporaryDir m_dir;
    QString m_envFile;
    QProcess m_relay;
    QUrl m_relayUrl;
};

QTEST_GUILESS_MAIN(TestDoctor)
#include "tst_doctor.moc"
