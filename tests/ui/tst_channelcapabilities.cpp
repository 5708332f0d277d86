// What a chat's WhatsApp number can carry decides the composer: a chat that came through a
// Twilio number (no reply buttons or lists, no reactions) has the Buttons button off with the
// reason, and Ctrl+Shift+B opens nothing there; a Cloud API chat keeps everything.
#include "app/consolecontroller.h"
#include "app/openconversation.h"
#include "sim/simulator.h"
#include "support/window/windowfixture.h"
#include "ui/interactivebuilder.h"
#include "ui/mainwindow.h"

#include <QTcpServer>
#include <QTest>
#include <QToolButton>

using namespace Serambi;
using namespace Serambi::Test;

namespace {
const QString TwilioCustomer = QStringLiteral("6281234567021");
const QString TwilioCustomerName = QStringLiteral("Dewi Twilio");
const QString AccountSid = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QByteArray AuthToken = QByteArrayLiteral("test_auth_token_0123456789abcdef");
const QString TwilioNumber = QStringLiteral("+14155238886");
} // namespace

class TestChannelCapabilities : public QObject, public WindowFixture
{
    Q_OBJECT

private:
    Ui::InteractiveBuilder *builder() const
    {
        return m_window->findChild<Ui::InteractiveBuilder *>();
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(startSimulator(&error), qPrintable(error));
        Sim::SimConfig twilio;
        twilio.provider = QStringLiteral("twilio");
        twilio.listenPort = 0;
        twilio.twilioAccountSid = AccountSid;
        twilio.twilioAuthToken = AuthToken;
        twilio.twilioNumber = TwilioNumber;
        twilio.pace = 0;
        twilio.customersEnabled = false;
        m_twilio = std::make_unique<Sim::Simulator>(twilio);
        QVERIFY2(m_twilio->start(&error), qPrintable(error));

        Relay::RelayConfig config = m_loop->relayConfig();
        QTcpServer probe; // the public URL names the relay's port before it starts
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        config.listenPort = probe.serverPort();
        probe.close();
        const QString webhook =
            QStringLiteral("http://127.0.0.1:%1/webhook/twilio").arg(config.listenPort);
        Relay::ChannelConfig channel;
        channel.name = QStringLiteral("twilio");
        channel.provider = QStringLiteral("twilio");
        channel.label = QStringLiteral("Servis");
        channel.twilioUrl = m_twilio->twilioApiUrl();
        channel.accountSid = AccountSid;
        channel.number = TwilioNumber;
        channel.authToken = AuthToken;
        channel.publicUrl = webhook;
        config.channels.append(channel);
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));
        m_twilio->setWebhookUrl(QUrl(webhook));
        openWindow();
    }

    void cleanup()
    {
        closeWindow();
        m_twilio.reset();
    }

    void shouldTurnOffWhatTheChatsNumberCannotSend()
    {
        QVERIFY(signIn(Agent, AgentPassword));
        QString error;
        QVERIFY2(!m_twilio->customers()
                      .sendMessage(TwilioCustomer,
                                   {{QStringLiteral("type"), QStringLiteral("text")},
                                    {QStringLiteral("text"), QStringLiteral("Halo servis")}},
                                   &error, TwilioCustomerName)
                      .isEmpty(),
                 qPrintable(error));
        QVERIFY(!customerWrites(QStringLiteral("Halo toko")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(chatOf(TwilioCustomerName) != 0, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(chatOf(CustomerName) != 0, Timeout);

        auto *buttons = child<QToolButton>("interactiveButton");
        auto *attach = child<QToolButton>("attachButton");
        m_controller->openConversation()->open(chatOf(TwilioCustomerName));
        QTRY_VERIFY_WITH_TIMEOUT(!buttons->isEnabled(), Timeout);
        QCOMPARE(buttons->toolTip(),
                 QStringLiteral("The number Servis (twilio) cannot send buttons or lists."));
        QVERIFY(attach->isEnabled()); // Twilio carries images and documents
        press(Qt::Key_B);
        QTest::qWait(200);
        QVERIFY(!builder());

        // The shop's Cloud API chat: everything again.
        m_controller->openConversation()->open(chatOf(CustomerName));
        QTRY_VERIFY_WITH_TIMEOUT(buttons->isEnabled(), Timeout);
        QCOMPARE(buttons->toolTip(),
                 QStringLiteral("Send quick-reply buttons or a list (Ctrl+Shift+B)"));
        press(Qt::Key_B);
        QTRY_VERIFY_WITH_TIMEOUT(builder() && builder()->isVisible(), Timeout);
        builder()->reject();
    }

private:
    std::unique_ptr<Sim::Simulator> m_twilio;
};

QTEST_MAIN(TestChannelCapabilities)
#include "tst_channelcapabilities.moc"
