// Acked webhook = committed: the real serambi-relay is killed with SIGKILL while webhooks are
// in flight, and every webhook it answered 200 must be in its SQLite file afterwards.
#include "whatsapp/signature.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <numeric>
#include <vector>

namespace {

const QByteArray AppSecret = QByteArrayLiteral("crash-test-app-secret");
const QByteArray PhoneNumberId = QByteArrayLiteral("106540352242922");
constexpr int Connections = 8;
constexpr int AckedBeforeKill = 200;
constexpr int TimeoutMs = 15000;

// A Meta-shaped text webhook; the text escapes non-ASCII as \uXXXX as Meta does.
QByteArray webhookBody(int n)
{
    const QByteArray phone = QByteArray::number(6281200000000LL + (n % 40) * 7919);
    const QByteArray wamid = "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkNSQVNI" + QByteArray::number(n);
    return R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[)"
           R"({"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":)"
           R"("6281100000000","phone_number_id":")" +
           PhoneNumberId + R"("},"contacts":[{"profile":{"name":"Pelanggan )" +
           QByteArray::number(n % 40) + R"("},"wa_id":")" + phone + R"("}],"messages":[{"from":")" +
           phone + R"(","id":")" + wamid +
           R"(","timestamp":"1767225600","text":{"body":"Pesanan #)" + QByteArray::number(n) +
           R"( belum sampai kak \ud83d\ude4f \u2014 mohon dicek"},"type":"text"}]},)"
           R"("field":"messages"}]}]})";
}

QString wamidOf(int n)
{
    return QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkNSQVNI%1").arg(n);
}

// One keep-alive HTTP/1.1 connection that POSTs webhooks one after another. Status 0 means the
// connection failed before an answer arrived.
class WebhookConnection : public QObject
{
    Q_OBJECT

public:
    WebhookConnection(quint16 port, QObject *parent = nullptr) : QObject(parent), m_port(port)
    {
        connect(&m_socket, &QTcpSocket::readyRead, this, &WebhookConnection::handleReadyRead);
        connect(&m_socket, &QTcpSocket::errorOccurred, this, &WebhookConnection::handleError);
    }

    void post(int n)
    {
        m_pending = n;
        m_buffer.clear();
        const QByteArray body = webhookBody(n);
        const QByteArray request =
            "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "X-Hub-Signature-256: " +
            Serambi::Relay::webhookSignature(body, AppSecret) +
            "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            m_socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        m_socket.write(request);
    }

Q_SIGNALS:
    void answered(int n, int status);

private:
    void handleReadyRead()
    {
        m_buffer += m_socket.readAll();
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0 || m_pending < 0)
            return;
        static const QRegularExpression length(QStringLiteral("(?i)\r\ncontent-length:\\s*(\\d+)"));
        const auto match = length.match(QString::fromLatin1(m_buffer.left(headerEnd)));
        if (headerEnd + 4 + (match.hasMatch() ? match.captured(1).toInt() : 0) > m_buffer.size())
            return;
        const int status = m_buffer.mid(m_buffer.indexOf(' ') + 1, 3).toInt();
        Q_EMIT answered(std::exchange(m_pending, -1), status);
    }

    void handleError()
    {
        if (m_pending >= 0)
            Q_EMIT answered(std::exchange(m_pending, -1), 0);
    }

    QTcpSocket m_socket;
    quint16 m_port;
    QByteArray m_buffer;
    int m_pending = -1;
};

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    // Starts the relay on the test's data directory; the kernel picks the port and the relay
    // prints it, so there is no window in which another process could take it.
    bool startRelay()
    {
        m_relay = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SERAMBI_LISTEN"), QStringLiteral("127.0.0.1:0"));
        env.insert(QStringLiteral("SERAMBI_DATA_DIR"), m_dir.path());
        env.insert(QStringLiteral("SERAMBI_APP_SECRET"), QString::fromLatin1(AppSecret));
        env.insert(QStringLiteral("SERAMBI_VERIFY_TOKEN"), QStringLiteral("crash-verify"));
        env.insert(QStringLiteral("SERAMBI_GRAPH_TOKEN"), QStringLiteral("crash-graph"));
        env.insert(QStringLiteral("SERAMBI_GRAPH_URL"), QStringLiteral("http://127.0.0.1:9/v25.0"));
        env.insert(QStringLiteral("SERAMBI_PHONE_NUMBER_ID"), QString::fromLatin1(PhoneNumberId));
        env.insert(QStringLiteral("SERAMBI_DB_SYNC"), QStringLiteral("full"));
        m_relay->setProcessEnvironment(env);
        m_relay->setStandardErrorFile(m_dir.filePath(QStringLiteral("relay.log")),
                                      QIODevice::Append);
        m_relay->start(QStringLiteral(SERAMBI_RELAY_BINARY), {});
        if (!m_relay->waitForStarted(TimeoutMs))
            return false;
        static const QRegularExpression listening(
            QStringLiteral("listening on http://\\S+:(\\d+)"));
        QByteArray output;
        while (m_relay->waitForReadyRead(TimeoutMs)) {
            output += m_relay->readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(output));
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return true;
            }
        }
        return false;
    }

    // Posts the numbered webhooks over several connections until stop() (asked after every
    // answer with the count so far) says so. Returns the numbers the relay answered 200.
    std::vector<int> postUntil(const std::vector<int> &numbers,
                               const std::function<bool(int acked)> &stop)
    {
        std::vector<int> acked;
        std::size_t next = 0;
        int inFlight = 0;
        std::vector<std::unique_ptr<WebhookConnection>> connections;
        for (int i = 0; i < Connections; ++i) {
            auto connection = std::make_unique<WebhookConnection>(m_port);
            WebhookConnection *raw = connection.get();
            connect(raw, &WebhookConnection::answered, this, [&, raw](int n, int status) {
                --inFlight;
                if (status == 200)
                    acked.push_back(n);
                if (stop(int(acked.size())) || next >= numbers.size())
                    return;
                ++inFlight;
                raw->post(numbers[next++]);
            });
            connections.push_back(std::move(connection));
        }
        for (auto &connection : connections) {
            if (next < numbers.size()) {
                ++inFlight;
                connection->post(numbers[next++]);
            }
        }
        QElapsedTimer clock;
        clock.start();
        while (inFlight > 0 && clock.elapsed() < TimeoutMs)
            QTest::qWait(5);
        return acked;
    }

    QSqlDatabase openDatabase(const QString &name)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_dir.filePath(QStringLiteral("relay.sqlite")));
        return db;
    }

    static qint64 scalar(QSqlDatabase &db, const QString &sql)
    {
        QSqlQuery q(db);
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

    int countStored(QSqlDatabase &db, const std::vector<int> &numbers)
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM messages WHERE wamid = ?"));
        int stored = 0;
        for (int n : numbers) {
            q.addBindValue(wamidOf(n));
            if (q.exec() && q.next() && q.value(0).toLongLong() == 1)
                ++stored;
        }
        return stored;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(SERAMBI_RELAY_BINARY)), SERAMBI_RELAY_BINARY);
    }

    void everyAckedWebhookSurvivesSigkill()
    {
        QVERIFY2(startRelay(), "the relay did not start; see relay.log in the data directory");
        std::vector<int> numbers(5000);
        std::iota(numbers.begin(), numbers.end(), 1);
        // SIGKILL from inside the answer handler, so the other connections are mid-request.
        m_acked = postUntil(numbers, [this](int acked) {
            if (acked < AckedBeforeKill)
                return false;
            if (m_relay->state() != QProcess::NotRunning)
                m_relay->kill();
            return true;
        });
        QTRY_COMPARE_WITH_TIMEOUT(m_relay->state(), QProcess::NotRunning, TimeoutMs);
        QCOMPARE(m_relay->exitStatus(), QProcess::CrashExit);
        QVERIFY(m_acked.size() >= std::size_t(AckedBeforeKill));
        qInfo("%zu webhooks acked before SIGKILL", m_acked.size());

        {
            QSqlDatabase db = openDatabase(QStringLiteral("after-kill"));
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery check(db);
            QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
            QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
            QCOMPARE(countStored(db, m_acked), int(m_acked.size()));
            const qint64 messages = scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages"));
            QVERIFY(messages >= qint64(m_acked.size()));
            m_messagesAfterKill = messages;
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("after-kill"));
    }

    void restartedRelayServesAndDoesNotDuplicate()
    {
        if (m_messagesAfterKill == 0)
            QSKIP("needs the acked webhooks of the SIGKILL test");
        QVERIFY2(startRelay(), "the relay did not restart; see relay.log in the data directory");

        QTcpSocket health;
        health.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        QVERIFY(health.waitForConnected(TimeoutMs));
        health.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray answer;
        while (!answer.contains("\r\n\r\n") && health.waitForReadyRead(TimeoutMs))
            answer += health.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());

        // Meta redelivers what it already saw acked: each is answered 200 and stored once.
        const std::vector<int> again = postUntil(m_acked, [](int) { return false; });
        QCOMPARE(again.size(), m_acked.size());
        m_relay->terminate();
        QVERIFY(m_relay->waitForFinished(TimeoutMs));

        {
            QSqlDatabase db = openDatabase(QStringLiteral("after-restart"));
            QVERIFY(db.open());
            QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages")),
                     m_messagesAfterKill);
            QCOMPARE(countStored(db, m_acked), int(m_acked.size()));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("after-restart"));
    }

    void cleanupTestCase()
    {
        if (m_relay && m_relay->state() != QProcess::NotRunning) {
            m_relay->kill();
            m_relay->waitForFinished(TimeoutMs);
        }
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_relay;
    quint16 m_port = 0;
    std::vector<int> m_acked;
    qint64 m_messagesAfterKill = 0;
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
