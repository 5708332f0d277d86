// AgentHub: the hello frame, password and token logins, the welcome.
#include "agenthub.h"

#include "auth/passwords.h"
#include "auth/sessiontoken.h"
#include "consolesession.h"
#include "loggablename.h"
#include "logging/relaylogging.h"
#include "protocol/frame.h"
#include "protocol/keys.h"
#include "protocol/version.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "store/writetxn.h"

#include <memory>

namespace Serambi::Relay {

namespace Key = Protocol::Key;

using Protocol::ErrorCode;

namespace {
// Longer values are refused as bad_frame before anything is derived, looked up or counted.
constexpr int MaxPasswordLength = 1024;
constexpr int MaxTokenLength = 256;
} // namespace

void AgentHub::handleHello(ConsoleSession *session, const QJsonObject &frame)
{
    if (frame.value(Key::ProtocolVersion).toInt(-1) != Protocol::Version) {
        session->fail(
            ErrorCode::UnsupportedVersion,
            QStringLiteral("this relay speaks protocol version %1").arg(Protocol::Version));
        return;
    }
    const QJsonValue token = frame.value(Key::Token);
    if (token.isString()) {
        if (token.toString().isEmpty() || token.toString().size() > MaxTokenLength) {
            session->fail(ErrorCode::BadFrame, QStringLiteral("token: not a session token"));
            return;
        }
        loginWithToken(session, token.toString());
        return;
    }
    const QJsonObject login = frame.value(Key::Login).toObject();
    const QJsonValue username = login.value(Key::Username);
    const QJsonValue password = login.value(Key::Password);
    if (!username.isString() || !password.isString() || username.toString().isEmpty()) {
        session->fail(ErrorCode::BadFrame, QStringLiteral("hello needs a login or a token"));
        return;
    }
    if (username.toString().size() > MaxUsernameLength ||
        password.toString().size() > MaxPasswordLength) {
        qCInfo(lcHub) << "refused a hello from" << session->peerAddress()
                      << "with an over-long username or password";
        session->fail(ErrorCode::BadFrame,
                      QStringLiteral("username: at most %1 characters, password: at most %2")
                          .arg(MaxUsernameLength)
                          .arg(MaxPasswordLength));
        return;
    }
    loginWithPassword(session, username.toString(), password.toString());
}

void AgentHub::loginWithPassword(ConsoleSession *session, const QString &username,
                                 const QString &password)
{
    // Guessing is throttled per (address, username); an address that sprayed many usernames is
    // blocked too, except for the users who have logged in from it before: others' failures
    // never lock out a user who has not failed.
    const QString address = session->peerAddress();
    const QString pair = LoginThrottle::pairKey(address, username);
    const QStringList counted{pair, LoginThrottle::addressKey(address)};
    const QStringList checked = m_throttle.isKnownGood(pair, now()) ? QStringList{pair} : counted;
    int retryAfter = m_throttle.retryAfter(checked, now());
    // Every check slot taken, or this address holds its share: come back in a second rather
    // than queue. A flood from one address never fills the queue for everyone else.
    if (!retryAfter &&
        (m_passwordChecksPending >= m_options.maxPendingPasswordChecks ||
         m_passwordChecksByAddress.value(address) >= m_options.passwordChecksPerAddress))
        retryAfter = 1;
    if (retryAfter) {
        qCWarning(lcHub) << "login of" << loggableName(username) << "from" << address
                         << "throttled for" << retryAfter << "s";
        session->fail(ErrorCode::AuthThrottled, {}, {{Key::RetryAfter, retryAfter}});
        return;
    }
    // Unknown and disabled users cost a derivation too, so timing does not tell them apart.
    std::optional<User> user = UserRepo::byName(m_reader->db(), username);
    if (user && user->disabled)
        user.reset();
    const QByteArray salt = user ? user->passwordSalt : newPasswordSalt();
    const int iterations = user ? user->passwordIterations : m_options.pbkdf2Iterations;
    const QByteArray expected = user ? user->passwordHash : QByteArray();
    session->setStage(ConsoleSession::Stage::Authenticating);
    // Counted before the check is queued, so guesses sent at once cannot all be checked.
    m_throttle.begin(counted, now());
    ++m_passwordChecksPending;
    ++m_passwordChecksByAddress[address];
    const quint64 sessionId = session->id();
    m_passwordChecks.start(
        [this, sessionId, user, counted, address, password, salt, iterations, expected] {
            const QByteArray key = derivePasswordKey(password, salt, iterations);
            const bool matches = user && passwordKeyMatches(key, expected);
            QMetaObject::invokeMethod(
                this,
                [this, sessionId, counted, address, user = matches ? user : std::nullopt] {
                    finishPasswordLogin(sessionId, address, user, counted);
                },
                Qt::QueuedConnection);
        });
}

void AgentHub::finishPasswordLogin(quint64 sessionId, const QString &address,
                                   const std::optional<User> &user, const QStringList &throttleKeys)
{
    --m_passwordChecksPending;
    if (--m_passwordChecksByAddress[address] <= 0)
        m_passwordChecksByAddress.remove(address);
    m_throttle.finish(throttleKeys, !user, now());
    if (!user) {
        ConsoleSession *target = findSession(sessionId);
        qCWarning(lcHub) << "failed login from" << (target ? target->peerAddress() : QString());
        if (target)
            target->fail(ErrorCode::AuthFailed);
        return;
    }
    m_throttle.recordSuccess(throttleKeys.constFirst(), now());
    const QString token = newSessionToken();
    const QByteArray tokenHash = sessionTokenHash(token);
    const qint64 issuedAt = now();
    const qint64 expiresAt = issuedAt + m_options.sessionTtlMs;
    const qint64 userId = user->id;
    m_writer->submit(
        [tokenHash, userId, issuedAt, expiresAt](WriteTxn &txn) {
            if (!UserRepo::addSession(txn.db(), tokenHash, userId, issuedAt, expiresAt))
                return WriteResult::failure(QStringLiteral("cannot store the session"));
            return WriteResult::success();
        },
        this,
        [this, sessionId, user = *user, token, tokenHash, expiresAt](const WriteResult &result) {
            ConsoleSession *target = findSession(sessionId);
            if (!target)
                return;
            if (!result.ok) {
                target->fail(ErrorCode::Internal);
                return;
            }
            welcome(target, user, {tokenHash, expiresAt}, token);
        });
}

void AgentHub::loginWithToken(ConsoleSession *session, const QString &token)
{
    // Per token prefix, not per address: a forged token behind the team's proxy must not lock
    // out everyone's valid tokens.
    const QStringList keys{LoginThrottle::tokenKey(token)};
    if (const int retryAfter = m_throttle.retryAfter(keys, now())) {
        session->fail(ErrorCode::AuthThrottled, {}, {{Key::RetryAfter, retryAfter}});
        return;
    }
    session->setStage(ConsoleSession::Stage::Authenticating);
    m_throttle.begin(keys, now());
    // userForSession refreshes the session's last use, so it runs on the writer.
    auto found = std::make_shared<std::optional<SessionUser>>();
    const QByteArray tokenHash = sessionTokenHash(token);
    const qint64 at = now();
    const qint64 idleMs = m_options.sessionIdleMs;
    const quint64 sessionId = session->id();
    m_writer->submit(
        [found, tokenHash, at, idleMs](WriteTxn &txn) {
            *found = UserRepo::userForSession(txn.db(), tokenHash, at, idleMs);
            return WriteResult::success();
        },
        this,
        [this, sessionId, found, keys, tokenHash](const WriteResult &result) {
            ConsoleSession *target = findSession(sessionId);
            m_throttle.finish(keys, result.ok && !*found, now());
            if (!target)
                return;
            if (!result.ok) {
                target->fail(ErrorCode::Internal);
            } else if (!*found) {
                qCWarning(lcHub) << "unknown or expired session token from"
                                 << target->peerAddress();
                target->fail(ErrorCode::AuthFailed);
            } else {
                welcome(target, (*found)->user, {tokenHash, (*found)->expiresAt}, {});
            }
        });
}

void AgentHub::welcome(ConsoleSession *session, const User &user, const LiveSession &live,
                       const QString &token)
{
    const Protocol::Presence before = presenceOf(user.id);
    session->authenticate(user, live.tokenHash);
    session->setExpiresAt(live.expiresAt);
    ++m_connectedConsoles;
    Protocol::UserPayload payload = user.toPayload();
    payload.presence = presenceOf(user.id);
    QJsonObject relay{{Key::RelayVersion, QLatin1String(SERAMBI_VERSION)}};
    Protocol::insertChannels(relay, m_options.channels);
    QJsonObject frame{
        {Key::Type, QLatin1String(Protocol::FrameType::Welcome)},
        {Key::ProtocolVersion, Protocol::Version},
        {Key::User, payload.toJson()},
        {Key::Relay, relay},
    };
    if (!token.isEmpty())
        frame.insert(Key::Token, token);
    session->send(frame);
    qCInfo(lcHub) << "console of" << user.username << "connected from" << session->peerAddress()
                  << (token.isEmpty() ? "with a session token" : "with a password");
    announcePresence(user, before);
    Q_EMIT consoleConnected();
    for (const QJsonObject &deferred : session->takeDeferred())
        handleFrame(session, deferred);
}

} // namespace Serambi::Relay
