#include "passwords.h"

#include "whatsapp/signature.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace Serambi::Relay {

QByteArray newPasswordSalt()
{
    QByteArray salt(PasswordSaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()),
                                          PasswordSaltBytes / int(sizeof(quint32)));
    return salt;
}

QByteArray derivePasswordKey(const QString &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, password.normalized(QString::NormalizationForm_C).toUtf8(),
        salt, iterations, PasswordKeyBytes);
}

bool passwordKeyMatches(const QByteArray &derived, const QByteArray &stored)
{
    return !stored.isEmpty() && constantTimeEquals(derived, stored);
}

bool verifyPassword(const User &user, const QString &password)
{
    if (user.passwordHash.isEmpty() || user.passwordIterations <= 0)
        return false;
    return passwordKeyMatches(
        derivePasswordKey(password, user.passwordSalt, user.passwordIterations), user.passwordHash);
}

User makeUser(const QString &username, const QString &displayName, Protocol::Role role,
              const QString &password, int iterations)
{
    User user;
    user.username = username;
    user.displayName = displayName.isEmpty() ? username : displayName;
    user.role = Protocol::roleName(role);
    user.passwordSalt = newPasswordSalt();
    user.passwordIterations = iterations;
    user.passwordHash = derivePasswordKey(password, user.passwordSalt, iterations);
    return user;
}

} // namespace Serambi::Relay
