// SIGHUP reloads a running serambi-relay's configuration: the real program, its INI file
// rewritten by the test. Business hours set by a reload answer the next customer at once; a
// setting only a restart applies is named; a configuration that does not load changes nothing,
// says why, and the relay goes on with what it had.
#include "support/inbound.h"
#include "whatsapp/signature.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <csignal>

namespace {

const QByteArray AppSecret = QByteArrayLiteral("reload-test-app-secret");
constexpr int TimeoutMs = 20000;

// Closed today and tomorrow on Jakarta's calendar, whatever the time of day.
QByteArray closedHours()
{
    const QDate today =
        QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Asia/Jakarta")).date();
    return "business_hours = mon-sun 08:00-17:00\nbusiness_holidays = " +
           today.toString(Qt::ISODate).toLatin1() + ", " +
           today.addDays(1).toString(Qt::ISODate).toLatin1() + "\n";
}

} // namespace

class TestReload : public QObject
{
    Q_OBJECT

private:
    void writeIni(const QByteArray &extra)
    {
        QFile file(m_dir.filePath(QStringLiteral("relay.ini")));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[relay]\nlisten = " + m_listen + "\ndata_dir = " + m_dir.path().toUtf8() +
                   "\nai_mode = off\n" + extra);
        file.close();
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    QString log() const
    {
        QFile file(m_dir.filePath(QStringLiteral("relay.log")));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    // Waits for a line of the relay's standard output that contains text.
    bool outputSays(const QString &text)
    {
        return QTest::qWaitFor(
            [&] {
                m_output += QString::fromUtf8(m_relay.readAllStandardOutput());
                return m_output.contains(text);
            },
            TimeoutMs);
    }

    bool hangUp()
    {
        m_output.clear();
        return ::kill(pid_t(m_relay.processId()), SIGHUP) == 0;
    }

    // A customer's signed text webhook; the HTTP status.
    int customerWrites(const QString &waId)
    {
        Serambi::Test::InboundText message;
        message.waId = waId;
        message.wamid = QStringLiteral("wamid.reload.%1").arg(waId);
        message.text = QStringLiteral("Kak, masih buka?");
        message.timestampSecs = QDateTime::currentSecsSinceEpoch();
        const QByteArray body = QJsonDocument(Serambi::Test::inbound(message)).toJson();
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(m_port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("X-Hub-Signature-256",
                             Serambi::Relay::webhookSignature(body, AppSecret));
        QNetworkAccessManager network;
        QNetworkReply *reply = network.post(request, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    // The out-of-hours replies stored for the customer.
    int repliesTo(const QString &waId)
    {
        int count = 0;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(m_dir.filePath(QStringLiteral("relay.sqlite")));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral(
                    "SELECT COUNT(*) FROM messages m JOIN conversations c "
                    "ON c.id = m.conversation_id JOIN contacts k ON k.id = c.contact_id "
                    "WHERE m.direction = 'out' AND m.sender_label = 'Jam layanan' "
                    "AND k.wa_id = ?"));
                q.addBindValue(waId);
                if (q.exec() && q.next())
                    count = q.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return count;
    }

private Q_SLOTS:
    void init()
    {
        m_listen = "127.0.0.1:0";
        writeIni({});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SERAMBI_APP_SECRET"), QString::fromLatin1(AppSecret));
        env.insert(QStringLiteral("SERAMBI_VERIFY_TOKEN"), QStringLiteral("reload-verify"));
        env.insert(QStringLiteral("SERAMBI_GRAPH_TOKEN"), QStringLiteral("reload-graph"));
        env.insert(QStringLiteral("SERAMBI_GRAPH_URL"), QStringLiteral("http://127.0.0.1:9/v25.0"));
        env.insert(QStringLiteral("SERAMBI_PHONE_NUMBER_ID"), QStringLiteral("100200300"));
        env.insert(QStringLiteral("SERAMBI_DB_SYNC"), QStringLiteral("normal"));
        m_relay.setProcessEnvironment(env);
        m_relay.setStandardErrorFile(m_dir.filePath(QStringLiteral("relay.log")),
                                     QIODevice::Append);
        m_relay.start(QStringLiteral(SERAMBI_RELAY_BINARY),
                      {QStringLiteral("--config"), m_dir.filePath(QStringLiteral("relay.ini"))});
        QVERIFY(m_relay.waitForStarted(TimeoutMs));
        QVERIFY2(outputSays(QStringLiteral("listening on")), qPrintable(log()));
        static const QRegularExpression listening(
            QStringLiteral("listening on http://\\S+:(\\d+)"));
        m_port = quint16(listening.match(m_output).captured(1).toUInt());
        QVERIFY(m_port != 0);
    }

    void cleanup()
    {
        m_relay.terminate();
        QVERIFY(m_relay.waitForFinished(TimeoutMs));
        m_output.clear();
    }

    void shouldApplyBusinessHoursOnSighupAndKeepThemThroughABrokenReload()
    {
        // Open all day (no hours): nobody is told anything.
        QCOMPARE(customerWrites(QStringLiteral("6281234500601")), 200);

        // The owner closes the shop for today and tomorrow, and moves the port, then reloads.
        m_listen = "127.0.0.1:1";
        writeIni(closedHours());
        QVERIFY(hangUp());
        QVERIFY2(outputSays(QStringLiteral("configuration reloaded; restart the relay to apply: "
                                           "listen")),
                 qPrintable(m_output + log()));
        QCOMPARE(customerWrites(QStringLiteral("6281234500602")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(repliesTo(QStringLiteral("6281234500602")), 1, TimeoutMs);
        QCOMPARE(repliesTo(QStringLiteral("6281234500601")), 0);

        // A schedule the relay cannot read: it says so and keeps the hours it had.
        writeIni(closedHours() + "business_hours = weekdays 8-5\n");
        QVERIFY(hangUp());
        QTRY_VERIFY_WITH_TIMEOUT(log().contains(QStringLiteral("configuration not reloaded")),
                                 TimeoutMs);
        QVERIFY2(log().contains(QStringLiteral("business_hours")), qPrintable(log()));
        QCOMPARE(m_relay.state(), QProcess::Running);
        QCOMPARE(customerWrites(QStringLiteral("6281234500603")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(repliesTo(QStringLiteral("6281234500603")), 1, TimeoutMs);
    }

private:
    QTemporaryDir m_dir;
    QProcess m_relay;
    QByteArray m_listen;
    QString m_output;
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TestReload)
#include "tst_reload.moc"
