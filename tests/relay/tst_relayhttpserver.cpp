// The relay's HTTP port against clients that hold connections: unfinished headers, idle
// connections, many connections from one address; and /metrics behind its optional token.
#include "http/metrics.h"
#include "http/relayhttpserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include <memory>
#include <vector>

using namespace Serambi::Relay;

class TestRelayHttpServer : public QObject
{
    Q_OBJECT

private:
    void start(const HttpLimits &limits)
    {
        m_metrics = std::make_unique<MetricsRegistry>();
        m_metrics->add(QStringLiteral("serambi_test_total"), MetricsRegistry::Type::Counter,
                       QStringLiteral("A counter"), {}, [] { return 7.0; });
        m_server = std::make_unique<RelayHttpServer>(
            nullptr, nullptr, m_metrics.get(),
            [this](QWebSocket *socket) { m_webSockets.emplace_back(socket); }, [] { return true; },
            limits);
        m_port = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_port != 0);
    }

    std::unique_ptr<QTcpSocket> connectRaw()
    {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_port);
        if (!socket->waitForConnected(5000))
            return nullptr;
        return socket;
    }

    // True when the relay closed the connection within ms.
    static bool closedWithin(QTcpSocket &socket, int ms)
    {
        if (socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        return closed.wait(ms);
    }

    QPair<int, QByteArray> getMetrics(const QByteArray &authorization)
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_port)));
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        finished.wait(5000);
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                reply->readAll()};
    }

private Q_SLOTS:
    void cleanup()
    {
        m_webSockets.clear();
        m_server.reset();
        m_metrics.reset();
    }

    void shouldCloseAConnectionWhoseHeadersDoNotArriveInTime()
    {
        HttpLimits limits;
        limits.headerTimeoutMs = 300;
        start(limits);
        auto silent = connectRaw();
        auto slow = connectRaw();
        QVERIFY(silent && slow);
        slow->write("GET /healthz HTTP/1.1\r\nHost: relay\r\nX-Slow: ");
        QVERIFY(closedWithin(*silent, 3000));
        QVERIFY(closedWithin(*slow, 3000));
        QTRY_COMPARE(m_server->openConnections(), 0);
        QCOMPARE(m_server->timedOutConnections(), quint64(2));
    }

    void shouldKeepServingAConnectionThatCompletesItsRequests()
    {
        HttpLimits limits;
        limits.headerTimeoutMs = 400;
        start(limits);
        auto socket = connectRaw();
        QVERIFY(socket);
        for (int i = 0; i < 4; ++i) {
            socket->write("GET /healthz HTTP/1.1\r\nHost: relay\r\n\r\n");
            QByteArray answer;
            QTRY_VERIFY((answer += socket->readAll()).contains("ok\n"));
            QVERIFY(answer.startsWith("HTTP/1.1 200"));
            QTest::qWait(150); // three times past the header timeout in all, but never idle long
        }
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
    }

    void shouldTellABodyFromTheNextRequestsHeaders()
    {
        HttpLimits limits;
        limits.headerTimeoutMs = 300;
        start(limits);
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("GET /healthz HTTP/1.1\r\nHost: relay\r\nContent-Length: 5\r\n\r\n");
        QTest::qWait(50);
        socket->write("hello"); // a body, not the start of headers that never end
        QByteArray answer;
        QTRY_VERIFY((answer += socket->readAll()).contains("ok\n"));
        QTest::qWait(500);
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
        socket->write("GET /healthz HTTP/1.1\r\nHost: relay\r\n\r\n");
        answer.clear();
        QTRY_VERIFY((answer += socket->readAll()).contains("ok\n"));
    }

    void shouldCloseAConnectionOnWhichNothingMoves()
    {
        HttpLimits limits;
        limits.idleTimeoutMs = 300;
        start(limits);
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("GET /healthz HTTP/1.1\r\nHost: relay\r\n\r\n");
        QTRY_VERIFY(socket->bytesAvailable() > 0);
        QVERIFY(closedWithin(*socket, 3000));
    }

    void shouldLetAWebSocketOutliveTheIdleTimeout()
    {
        HttpLimits limits;
        limits.idleTimeoutMs = 200;
        limits.headerTimeoutMs = 200;
        start(limits);
        QWebSocket client;
        QSignalSpy connected(&client, &QWebSocket::connected);
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/agents").arg(m_port)));
        QVERIFY(connected.wait(5000));
        QTest::qWait(800);
        QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(m_server->openConnections(), 1);
        QSignalSpy closed(&client, &QWebSocket::disconnected);
        m_webSockets.clear(); // the hub lets it go
        QVERIFY(closed.wait(5000));
        QTRY_COMPARE(m_server->openConnections(), 0);
    }

    void shouldCapTheConnectionsOfOneAddress()
    {
        HttpLimits limits;
        limits.maxConnectionsPerAddress = 3;
        start(limits);
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(connectRaw());
            QVERIFY(held.back());
        }
        QTRY_COMPARE(m_server->openConnections(), 3);
        auto fourth = connectRaw();
        QVERIFY(fourth);
        QVERIFY(closedWithin(*fourth, 3000));
        QCOMPARE(m_server->refusedConnections(), quint64(1));
        for (const auto &socket : held)
            QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);

        held.pop_back(); // one closes: another may come
        QTRY_COMPARE(m_server->openConnections(), 2);
        auto again = connectRaw();
        QVERIFY(again);
        again->write("GET /healthz HTTP/1.1\r\nHost: relay\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY((answer += again->readAll()).contains("ok\n"));
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    }

    void shouldRefuseABodyOverTheLimitBeforeReadingIt()
    {
        HttpLimits limits;
        limits.maxBodyBytes = 1024;
        limits.maxUploadBytes = 4096;
        start(limits);
        auto socket = connectRaw();
        QVERIFY(socket);
        socket->write("POST /webhook HTTP/1.1\r\nHost: relay\r\nContent-Length: 1025\r\n\r\n");
        QTRY_VERIFY(socket->bytesAvailable() > 0); // answered before the body is sent
        QVERIFY(socket->readAll().startsWith("HTTP/1.1 413"));
        QCOMPARE(m_server->refusedBodies(), quint64(1));
        socket->write(QByteArray(1025, 'x')); // dropped, then the relay closes
        QVERIFY(closedWithin(*socket, 3000));

        // An upload may be larger, not larger than its own limit.
        auto upload = connectRaw();
        QVERIFY(upload);
        upload->write("POST /media HTTP/1.1\r\nHost: relay\r\nContent-Length: 2048\r\n\r\n");
        upload->write(QByteArray(1024, 'x'));
        QVERIFY(!closedWithin(*upload, 300));
        auto huge = connectRaw();
        QVERIFY(huge);
        huge->write("POST /media HTTP/1.1\r\nHost: relay\r\nContent-Length: 4097\r\n\r\n");
        QTRY_VERIFY(huge->bytesAvailable() > 0);
        QVERIFY(huge->readAll().startsWith("HTTP/1.1 413"));
        QCOMPARE(m_server->refusedBodies(), quint64(2));
    }

    void shouldLeaveMetricsOpenWithoutAToken()
    {
        start({});
        const auto open = getMetrics({});
        QCOMPARE(open.first, 200);
        QVERIFY(open.second.contains("serambi_test_total 7"));
    }

    void shouldAskForTheMetricsTokenWhenOneIsSet()
    {
        HttpLimits limits;
        limits.metricsToken = "scrape-secret";
        start(limits);
        QCOMPARE(getMetrics({}).first, 401);
        QCOMPARE(getMetrics("Bearer guess").first, 401);
        const auto scraped = getMetrics("Bearer scrape-secret");
        QCOMPARE(scraped.first, 200);
        QVERIFY(scraped.second.contains("serambi_test_total 7"));
    }

private:
    std::unique_ptr<MetricsRegistry> m_metrics;
    std::unique_ptr<RelayHttpServer> m_server;
    std::vector<std::unique_ptr<QWebSocket>> m_webSockets;
    QNetworkAccessManager m_nam;
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TestRelayHttpServer)
#include "tst_relayhttpserver.moc"
