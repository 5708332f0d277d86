#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Serambi::Relay {

struct RelayConfig;

// Opens and migrates the relay's database for one admin verb; closes it when done.
class AdminDatabase
{
public:
    AdminDatabase(const RelayConfig &config, QString *error);
    ~AdminDatabase();
    AdminDatabase(const AdminDatabase &) = delete;
    AdminDatabase &operator=(const AdminDatabase &) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase &db() { return m_db; }

private:
    QSqlDatabase m_db;
};

} // namespace Serambi::Relay
