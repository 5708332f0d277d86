#pragma once

#include "credentialstore.h"
#include "memorycredentialstore.h"

namespace Serambi::App {

// The system keychain through QtKeychain. When the platform has no keychain service the
// secrets stay in memory for this session and isAvailable() turns false.
class KeychainCredentialStore : public CredentialStore
{
    Q_OBJECT

public:
    explicit KeychainCredentialStore(const QString &service = QStringLiteral("serambi"),
                                     QObject *parent = nullptr);

    bool isAvailable() const override { return m_available; }
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &secret, QObject *context,
               WriteCallback done) override;
    void remove(const QString &key) override;

private:
    void markUnavailable();

    QString m_service;
    bool m_available = true;
    MemoryCredentialStore m_fallback;
};

} // namespace Serambi::App
