#include "session.h"

#include "credentialstore.h"
#include "logging.h"
#include "relayclient.h"

#include "protocol/errorcode.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <utility>

namespace Serambi::App {

namespace {
QLatin1String key(const char *name)
{
    return QLatin1String(name);
}
} // namespace

Session::Session(RelayClient *relay, CredentialStore *credentials, const QString &dataDirectory,
                 QObject *parent)
    : QObject(parent), m_relay(relay), m_credentials(credentials), m_dataDirectory(dataDirectory)
{
    connect(m_relay, &RelayClient::statusChanged, this, &Session::connectionChanged);
    connect(m_relay, &RelayClient::welcomed, this, &Session::handleWelcomed);
    connect(m_relay, &RelayClient::authenticationFailed, this,
            &Session::handleAuthenticationFailed);
    connect(m_relay, &RelayClient::unreachable, this,
            [this] { Q_EMIT signInFailed(QStringLiteral("unreachable"), 0); });
    // The resume point: after a snapshot, after the missed events, after every event.
    connect(m_relay, &RelayClient::snapshotReceived, this,
            [this](qint64 seq, const QJsonArray &) { saveLastSeq(seq); });
    connect(m_relay, &RelayClient::subscribed, this, &Session::saveLastSeq);
    connect(m_relay, &RelayClient::eventReceived, this,
            [this](qint64 seq, const QString &, qint64, const QJsonObject &) {
                if (seq > 0)
                    saveLastSeq(seq);
            });
    connect(m_credentials, &CredentialStore::availabilityChanged, this,
            &Session::keychainAvailabilityChanged);
    loadLastSession();
}

Session::~Session()
{
    closeCache();
}

void Session::signIn(const QUrl &relayUrl, const QString &username, const QString &password)
{
    m_password = password;
    remember(relayUrl, username);
    openCache(relayUrl, username);
}

bool Session::restore()
{
    if (!m_lastRelayUrl.isValid() || m_lastUsername.isEmpty())
        return false;
    m_password.clear();
    openCache(m_lastRelayUrl, m_lastUsername);
    return true;
}

void Session::signOut()
{
    m_relay->signOut();
    if (!m_username.isEmpty())
        m_credentials->remove(tokenKey());
    closeCache();
    m_user = {};
    m_username.clear();
    m_signedIn = false;
    Q_EMIT currentUserChanged();
    Q_EMIT connectionChanged();
    Q_EMIT signedOut();
}

bool Session::keychainAvailable() const
{
    return m_credentials->isAvailable();
}

ConnectionStatus Session::connectionStatus() const
{
    ConnectionStatus status = m_relay->status();
    if (m_connectPending)
        status.state = ConnectionState::Connecting;
    return status;
}

QString Session::tokenKey() const
{
    return m_relayUrl.adjusted(QUrl::StripTrailingSlash).toString() + QLatin1Char('|') +
           m_username.toLower();
}

void Session::loadLastSession()
{
    QFile file(QDir(m_dataDirectory).filePath(QStringLiteral("session.json")));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    m_lastRelayUrl = QUrl(json.value(key("relay_url")).toString());
    m_lastUsername = json.value(key("username")).toString();
}

void Session::remember(const QUrl &relayUrl, const QString &username)
{
    if (relayUrl == m_lastRelayUrl && username == m_lastUsername)
        return;
    m_lastRelayUrl = relayUrl;
    m_lastUsername = username;
    QDir().mkpath(m_dataDirectory);
    QSaveFile file(QDir(m_dataDirectory).filePath(QStringLiteral("session.json")));
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(QJsonDocument(QJsonObject{{key("relay_url"), relayUrl.toString()},
                                         {key("username"), username}})
                   .toJson());
    file.commit();
}

void Session::openCache(const QUrl &relayUrl, const QString &username)
{
    const QString path = LocalStore::pathFor(m_dataDirectory, relayUrl, username);
    m_relay->signOut();
    m_relayUrl = relayUrl;
    m_username = username;
    m_connectPending = true;
    Q_EMIT connectionChanged();
    if (m_store && m_storePath == path) {
        connectToRelay();
        return;
    }
    closeCache();
    m_storePath = path;
    m_store = std::make_unique<LocalStore>();
    connect(m_store.get(), &LocalStore::opened, this, &Session::handleCacheOpened);
    m_store->open(path);
}

void Session::closeCache()
{
    if (!m_store)
        return;
    Q_EMIT cacheClosing();
    m_store->close();
    m_store.reset();
    m_storePath.clear();
}

void Session::handleCacheOpened(bool ok, const CachedState &state)
{
    if (!ok)
        qCWarning(lcConsole) << "working without a local cache";
    if (state.user.username.compare(m_username, Qt::CaseInsensitive) == 0) {
        m_user = state.user;
        Q_EMIT currentUserChanged();
    }
    m_relay->setLastSeq(state.lastSeq);
    Q_EMIT cacheLoaded(state);
    connectToRelay();
}

void Session::saveLastSeq(qint64 seq)
{
    if (m_store)
        m_store->saveLastSeq(seq);
}

void Session::connectToRelay()
{
    if (!m_password.isEmpty()) {
        m_connectPending = false;
        m_relay->signInWithPassword(m_relayUrl, m_username, std::exchange(m_password, {}));
        return;
    }
    m_credentials->read(tokenKey(), this, [this](const std::optional<QString> &token) {
        m_connectPending = false;
        if (!token || token->isEmpty()) {
            Q_EMIT connectionChanged();
            Q_EMIT passwordRequired();
            return;
        }
        m_relay->signInWithToken(m_relayUrl, *token);
    });
}

void Session::handleWelcomed(const CurrentUser &user, const QString &newToken)
{
    if (!newToken.isEmpty()) {
        // Without a keychain the store keeps it in memory: this run only.
        m_credentials->write(tokenKey(), newToken, this, [](bool) {});
    }
    m_user = user;
    m_username = user.username;
    if (m_store)
        m_store->saveUser(user);
    remember(m_relayUrl, m_username);
    Q_EMIT currentUserChanged();
    if (!m_signedIn) {
        m_signedIn = true;
        Q_EMIT signedIn();
    }
}

void Session::handleAuthenticationFailed(const QString &errorCode, int retryAfterSeconds,
                                         bool withToken)
{
    m_signedIn = false;
    if (withToken) {
        m_credentials->remove(tokenKey());
        Q_EMIT passwordRequired();
        // The relay ended a live session (revoked, expired, disabled): say why.
        Protocol::ErrorCode code{};
        const bool refusedToken =
            Protocol::errorCodeFromName(errorCode, &code) &&
            (code == Protocol::ErrorCode::AuthFailed || code == Protocol::ErrorCode::AuthThrottled);
        if (!refusedToken)
            Q_EMIT signInFailed(errorCode, retryAfterSeconds);
        return;
    }
    Q_EMIT signInFailed(errorCode, retryAfterSeconds);
}

const QList<Protocol::ChannelPayload> &Session::channels() const
{
    return m_relay->channels();
}

} // namespace Serambi::App
