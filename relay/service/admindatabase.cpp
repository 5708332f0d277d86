#include "admindatabase.h"

#include "config/relayconfig.h"
#include "store/database.h"
#include "store/migrations.h"

namespace Serambi::Relay {

namespace {
const QString AdminConnection = QStringLiteral("serambi-admin");
} // namespace

AdminDatabase::AdminDatabase(const RelayConfig &config, QString *error)
{
    setDatabasePassword(config.dbPassword);
    m_db = openDatabase(config.databasePath(), AdminConnection, SyncMode::Full, error);
    if (m_db.isOpen() && !migrate(m_db, error))
        m_db.close();
}

AdminDatabase::~AdminDatabase()
{
    m_db = QSqlDatabase();
    closeDatabase(AdminConnection);
}

} // namespace Serambi::Relay
