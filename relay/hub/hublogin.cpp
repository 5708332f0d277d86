// AgentHub: the hello frame, password and token logins, the welcome.
#include "agenthub.h"

#include "consolesession.h"
#include "logging.h"
#include "passwords.h"
#include "protocol/frame.h"
#include "protocol/version.h"
#include "sessiontoken.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "store/writetxn.h"

#include <memory>

namespace Serambi::Relay {

using Protocol::ErrorCode;

void AgentHub::handleHello(ConsoleSession *session, const QJsonObject &frame)
{
    if (frame.value(QLatin1String("v")).toInt(-1) != Protocol::Version) {
        session->fail(
            ErrorCode::UnsupportedVersion,
            QStringLiteral("this relay speaks protocol version %1").arg(Protocol::Version));
        return;
    }
    const QJsonValue token = frame.value(QLatin1String("token"));
    if (token.isString()) {
        loginWithToken(session, token.toString());
        return;
    }
    const QJsonObject login = frame.value(QLatin1String("login")).toObject();
    const QJsonValue username = login.value(QLatin1String("username"));
    const QJsonValue password = login.value(QLatin1String("password"));
    if (!username.isString() || !password.isString() || username.toString().isEmpty()) {
        session->fail(ErrorCode::BadFrame, QStringLiteral("hello needs a login or a token"));
        return;
    }
    loginWithPassword(session, username.toString(), password.toString());
}

void AgentHub::loginWithPassword(ConsoleSession *session, const QString &username,
                                 const QString &password)
{
    const QStringList keys{LoginThrottle::userKey(username),
                           LoginThrottle::addressKey(session->peerAddress())};
    if (const int retryAfter = m_throttle.retryAfter(keys, now())) {
        qCWarning(lcHub) << "login of" << username << "from" << session->peerAddress()
                         << "throttled for" << retryAfter << "s";
        session->fail(ErrorCode::AuthThrottled, {}, {{QLatin1String("retry_after"), retryAfter}});
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
    const quint64 sessionId = session->id();
    m_passwordChecks.start([this, sessionId, user, keys, password, salt, iterations, expected] {
        const QByteArray key = derivePasswordKey(password, salt, iterations);
        const bool matches = user && passwordKeyMatches(key, expected);
        QMetaObject::invokeMethod(
            this,
            [this, sessionId, keys, user = matches ? user : std::nullopt] {
                finishPasswordLogin(sessionId, user, keys);
            },
            Qt::QueuedConnection);
    });
}

void AgentHub::finishPasswordLogin(quint64 sessionId, const std::optional<User> &user,
                                   const QStringList &throttleKeys)
{
    if (!user) {
        m_throttle.recordFailure(throttleKeys, now());
        qCWarning(lcHub) << "failed login:" << throttleKeys.join(QLatin1String(", "));
        if (ConsoleSession *target = findSession(sessionId))
            target->fail(ErrorCode::AuthFailed);
        return;
    }
    m_throttle.recordSuccess(LoginThrottle::userKey(user->username));
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
        [this, sessionId, user = *user, token](const WriteResult &result) {
            ConsoleSession *target = findSession(sessionId);
            if (!target)
                return;
            if (!result.ok) {
                target->fail(ErrorCode::Internal);
                return;
            }
            welcome(target, user, token);
        });
}

void AgentHub::loginWithToken(ConsoleSession *session, const QString &token)
{
    const QStringList keys{LoginThrottle::addressKey(session->peerAddress())};
    if (const int retryAfter = m_throttle.retryAfter(keys, now())) {
        session->fail(ErrorCode::AuthThrottled, {}, {{QLatin1String("retry_after"), retryAfter}});
        return;
    }
    session->setStage(ConsoleSession::Stage::Authenticating);
    // userForSession refreshes the session's last use, so it runs on the writer.
    auto found = std::make_shared<std::optional<User>>();
    const QByteArray tokenHash = sessionTokenHash(token);
    const qint64 at = now();
    const quint64 sessionId = session->id();
    m_writer->submit(
        [found, tokenHash, at](WriteTxn &txn) {
            *found = UserRepo::userForSession(txn.db(), tokenHash, at);
            return WriteResult::success();
        },
        this,
        [this, sessionId, found, keys](const WriteResult &result) {
            ConsoleSession *target = findSession(sessionId);
            if (result.ok && !*found)
                m_throttle.recordFailure(keys, now());
            if (!target)
                return;
            if (!result.ok) {
                target->fail(ErrorCode::Internal);
            } else if (!*found) {
                qCWarning(lcHub) << "unknown or expired session token from"
                                 << target->peerAddress();
                target->fail(ErrorCode::AuthFailed);
            } else {
                welcome(target, **found, {});
            }
        });
}

void AgentHub::welcome(ConsoleSession *session, const User &user, const QString &token)
{
    session->authenticate(user);
    ++m_connectedConsoles;
    QJsonObject frame{
        {QLatin1String("type"), QLatin1String(Protocol::FrameType::Welcome)},
        {QLatin1String("v"), Protocol::Version},
        {QLatin1String("user"), QJsonObject{{QLatin1String("id"), user.id},
                                            {QLatin1String("username"), user.username},
                                            {QLatin1String("display_name"), user.displayName},
                                            {QLatin1String("role"), user.role}}},
        {QLatin1String("relay"),
         QJsonObject{{QLatin1String("version"), QLatin1String(SERAMBI_VERSION)}}},
    };
    if (!token.isEmpty())
        frame.insert(QLatin1String("token"), token);
    session->send(frame);
    qCInfo(lcHub) << "console of" << user.username << "connected from" << session->peerAddress()
                  << (token.isEmpty() ? "with a session token" : "with a password");
    Q_EMIT consoleConnected();
    for (const QJsonObject &deferred : session->takeDeferred())
        handleFrame(session, deferred);
}

} // namespace Serambi::Relay
