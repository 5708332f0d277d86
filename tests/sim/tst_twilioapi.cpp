// serambi-sim's Twilio Messages resource (docs/simulator.md, "Twilio"): what it refuses, in
// Twilio's error JSON, and what an accepted send answers and leads to.
#include "sim/mediastore.h"
#include "sim/simconfig.h"
#include "sim/simstate.h"
#include "sim/twilioapi.h"
#include "sim/twilioform.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Serambi::Sim;

namespace {
const QString Path =
    QStringLiteral("/2010-04-01/Accounts/AC5e7a3b1c9d2f4e6a8b0c1d3e5f7a9b2c/Messages.json");

QByteArray basic(const QByteArray &password)
{
    return "Basic " + QByteArray("AC5e7a3b1c9d2f4e6a8b0c1d3e5f7a9b2c:" + password).toBase64();
}

HttpRequest sendRequest(const TwilioForm &form, const QByteArray &password)
{
    HttpRequest request;
    request.method = QStringLiteral("POST");
    request.path = Path;
    request.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    request.authorization = basic(password);
    request.body = encodeTwilioForm(form);
    return request;
}

TwilioForm text(const QString &to = QStringLiteral("whatsapp:+6281234567001"))
{
    return {{QStringLiteral("To"), to},
            {QStringLiteral("From"), QStringLiteral("whatsapp:+14155238886")},
            {QStringLiteral("Body"), QStringLiteral("Halo kak")}};
}
} // namespace

class TestTwilioApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_config = SimConfig();
        m_config.provider = QStringLiteral("twilio");
        m_state.emplace();
        m_api = std::make_unique<TwilioApi>(m_config, *m_state, m_media);
    }

    void shouldRefuseInTwiliosWords_data()
    {
        QTest::addColumn<TwilioForm>("form");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        const QByteArray token = SimConfig().twilioAuthToken;
        QTest::newRow("wrong token") << text() << QByteArray("wrong") << 401 << 20003;
        QTest::newRow("no To") << TwilioForm{text().at(1), text().at(2)} << token << 400 << 21604;
        QTest::newRow("To without the channel")
            << text(QStringLiteral("+6281234567001")) << token << 400 << 21211;
        QTest::newRow("no From") << TwilioForm{text().at(0), text().at(2)} << token << 400 << 21603;
        QTest::newRow("another sender")
            << TwilioForm{text().at(0),
                          {QStringLiteral("From"), QStringLiteral("whatsapp:+15005550006")},
                          text().at(2)}
            << token << 400 << 63007;
        QTest::newRow("nothing to send")
            << TwilioForm{text().at(0), text().at(1)} << token << 400 << 21602;
        QTest::newRow("bad ContentSid")
            << TwilioForm{text().at(0),
                          text().at(1),
                          {QStringLiteral("ContentSid"), QStringLiteral("HX12")}}
            << token << 400 << 21655;
        QTest::newRow("ContentVariables not an object")
            << TwilioForm{text().at(0),
                          text().at(1),
                          {QStringLiteral("ContentSid"),
                           QStringLiteral("HXcccccccccccccccccccccccccccccccc")},
                          {QStringLiteral("ContentVariables"), QStringLiteral("[1]")}}
            << token << 400 << 21656;
    }

    void shouldRefuseInTwiliosWords()
    {
        QFETCH(TwilioForm, form);
        QFETCH(QByteArray, password);
        QFETCH(int, status);
        QFETCH(int, code);
        QSignalSpy accepted(m_api.get(), &TwilioApi::messageAccepted);
        const HttpReply reply = m_api->handle(sendRequest(form, password));
        QCOMPARE(reply.status, status);
        const QJsonObject error = QJsonDocument::fromJson(reply.body).object();
        QCOMPARE(error.value(QLatin1String("code")).toInt(), code);
        QCOMPARE(error.value(QLatin1String("status")).toInt(), status);
        QCOMPARE(error.value(QLatin1String("more_info")).toString(),
                 QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code));
        QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
        QCOMPARE(accepted.size(), 0);
    }

    void shouldAnswerAnUnknownPathWith404()
    {
        HttpRequest request = sendRequest(text(), m_config.twilioAuthToken);
        request.path =
            QStringLiteral("/2010-04-01/Accounts/AC5e7a3b1c9d2f4e6a8b0c1d3e5f7a9b2c/Calls.json");
        const HttpReply reply = m_api->handle(request);
        QCOMPARE(reply.status, 404);
        QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QLatin1String("code")).toInt(),
                 20404);
    }

    void shouldAcceptAndFailOutsideTheWindowLikeTwilio()
    {
        QSignalSpy accepted(m_api.get(), &TwilioApi::messageAccepted);
        const HttpReply reply = m_api->handle(sendRequest(text(), m_config.twilioAuthToken));
        QCOMPARE(reply.status, 201);
        const QJsonObject message = QJsonDocument::fromJson(reply.body).object();
        QCOMPARE(message.value(QLatin1String("status")).toString(), QStringLiteral("queued"));
        QCOMPARE(message.value(QLatin1String("direction")).toString(),
                 QStringLiteral("outbound-api"));
        const QString sid = message.value(QLatin1String("sid")).toString();
        QVERIFY(sid.startsWith(QLatin1String("SM")));
        QCOMPARE(sid.size(), 34);
        QCOMPARE(accepted.size(), 1);
        const auto sent = accepted.first().first().value<OutboundMessage>();
        QCOMPARE(sent.wamid, sid);
        // The customer never wrote: the window is closed, the send fails in its callback.
        QVERIFY(sent.failure);
        QCOMPARE(sent.failure->code, 63016);

        m_state->setLastInbound(QStringLiteral("6281234567001"), QDateTime::currentDateTimeUtc());
        QVERIFY(m_api->handle(sendRequest(text(), m_config.twilioAuthToken)).status == 201);
        QVERIFY(!accepted.last().first().value<OutboundMessage>().failure);
    }

private:
    SimConfig m_config;
    std::optional<SimState> m_state;
    MediaStore m_media;
    std::unique_ptr<TwilioApi> m_api;
};

QTEST_GUILESS_MAIN(TestTwilioApi)
#include "tst_twilioapi.moc"
