#include "hubharness.h"

#include "ingest.h"

#include "auth/passwords.h"
#include "protocol/frame.h"
#include "protocol/types.h"
#include "protocol/version.h"
#include "store/conversationrepo.h"
#include "store/writetxn.h"
#include "support/testdatabase.h"

#include <QDateTime>
#include <QNetworkRequest>
#include <QSqlQuery>
#include <QTest>

namespace Serambi::Test {

using namespace Serambi::Relay;
namespace Protocol = Serambi::Protocol;

namespace {
constexpr int TestIterations = 1000;
} // namespace

HubOptions fastHubOptions()
{
    HubOptions options;
    options.pbkdf2Iterations = TestIterations;
    return options;
}

HubHarness::HubHarness(HubOptions options)
    : clockMs(QDateTime::currentMSecsSinceEpoch()), m_options(std::move(options))
{
    m_options.clock = [this] { return clockMs; };
}

HubHarness::~HubHarness()
{
    stop();
}

bool HubHarness::start()
{
    QString error;
    if (m_location.isEmpty())
        m_location = TestDatabase::location(m_dir.filePath(QStringLiteral("relay.sqlite")), &error);
    if (m_location.isEmpty()) {
        qWarning() << "database:" << error;
        return false;
    }
    const QString path = m_location;
    m_writer = std::make_unique<StoreWriter>(path, SyncMode::Normal);
    if (!m_writer->start(&error)) {
        qWarning() << "writer:" << error;
        return false;
    }
    m_reader = std::make_unique<StoreReader>(path);
    if (!m_reader->open(&error)) {
        qWarning() << "reader:" << error;
        return false;
    }
    m_hub = std::make_unique<AgentHub>(m_writer.get(), m_reader.get(), m_options);
    if (!m_hub->start(&error)) {
        qWarning() << "hub:" << error;
        return false;
    }
    m_server = std::make_unique<QWebSocketServer>(QStringLiteral("serambi-test"),
                                                  QWebSocketServer::NonSecureMode);
    QObject::connect(m_server.get(), &QWebSocketServer::newConnection, &m_context, [this] {
        while (m_server->hasPendingConnections())
            m_hub->acceptConnection(m_server->nextPendingConnection());
    });
    return m_server->listen(QHostAddress::LocalHost, 0);
}

void HubHarness::stop()
{
    m_server.reset();
    if (m_writer)
        m_writer->stop();
    m_hub.reset();
    m_reader.reset();
    m_writer.reset();
}

QUrl HubHarness::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->serverPort());
    url.setPath(QStringLiteral("/agents"));
    return url;
}

WriteResult HubHarness::run(StoreWriter::Job job)
{
    bool done = false;
    WriteResult outcome = WriteResult::failure(QStringLiteral("timed out"));
    m_writer->submit(std::move(job), &m_context, [&](const WriteResult &result) {
        outcome = result;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 5000))
        qWarning("write job timed out");
    return outcome;
}

qint64 HubHarness::addUser(const QString &username, const QString &role, const QString &password)
{
    Protocol::Role parsed = Protocol::Role::Agent;
    Protocol::roleFromName(role, &parsed);
    User user = makeUser(username, username.toUpper(), parsed, password, TestIterations);
    const WriteResult result = run([&user](WriteTxn &txn) {
        QString error;
        if (!UserRepo::add(txn.db(), user, txn.now(), &error))
            return WriteResult::failure(error);
        return WriteResult::success(user.id);
    });
    return result.ok ? result.value.toLongLong() : 0;
}

HubHarness::Colleagues HubHarness::addColleagues()
{
    Colleagues colleagues;
    colleagues.sari =
        addUser(QStringLiteral("sari"), QStringLiteral("agent"), QStringLiteral("pw-sari"));
    colleagues.budi =
        addUser(QStringLiteral("budi"), QStringLiteral("agent"), QStringLiteral("pw-budi"));
    colleagues.rina =
        addUser(QStringLiteral("rina"), QStringLiteral("supervisor"), QStringLiteral("pw-rina"));
    return colleagues;
}

qint64 HubHarness::receiveInbound(const QString &waId, const QString &text, qint64 timestampMs)
{
    InboundText message;
    message.waId = waId;
    message.profileName = QStringLiteral("Customer ") + waId;
    message.wamid = QStringLiteral("wamid.test.%1").arg(++m_wamids);
    message.text = text;
    message.timestampSecs = (timestampMs ? timestampMs : clockMs) / 1000;
    const WriteResult result = run([&message](WriteTxn &txn) {
        const auto stored = ingest(txn, message, Protocol::AiMode::Auto);
        return stored ? WriteResult::success(stored->conversationId)
                      : WriteResult::failure(QStringLiteral("not stored"));
    });
    return result.ok ? result.value.toLongLong() : 0;
}

bool HubHarness::assignDirectly(qint64 conversationId, qint64 userId)
{
    return run([=](WriteTxn &txn) {
               auto conversation = ConversationRepo::load(txn.db(), conversationId);
               if (!conversation)
                   return WriteResult::failure(QStringLiteral("no conversation"));
               conversation->assigneeId = userId;
               conversation->state = Protocol::ConversationState::Assigned;
               ConversationRepo::update(txn, *conversation);
               ConversationRepo::publishConversation(txn, *conversation);
               return WriteResult::success();
           })
        .ok;
}

int HubHarness::count(const QString &sql) const
{
    QSqlQuery query(m_reader->db());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toInt();
}

std::unique_ptr<ProtocolClient> HubHarness::loggedIn(const QString &username) const
{
    auto console = std::make_unique<ProtocolClient>();
    const QJsonObject welcome = console->login(url(), username, QStringLiteral("pw-") + username);
    if (frameType(welcome) != QLatin1String("welcome"))
        qWarning() << "login failed for" << username << welcome;
    return console;
}

} // namespace Serambi::Test
