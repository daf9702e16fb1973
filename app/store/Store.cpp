#include "app/store/Store.h"

#include "app/sql/SqlDatabase.h"
#include "app/store/AccessStore.h"
#include "app/store/KeyStore.h"
#include "app/store/SchemaMigrations.h"
#include "app/store/SettingsStore.h"

using namespace std::chrono_literals;

Store::Store(QObject* parent)
    : QObject(parent)
    , m_db(std::make_unique<SqlDatabase>(QStringLiteral("keyway-store")))
{
    const auto announce = [this](Areas areas) {
        emit changed(areas);
    };
    m_keys = std::make_unique<KeyStore>(*m_db, announce);
    m_access = std::make_unique<AccessStore>(*m_db, announce);
    m_settings = std::make_unique<SettingsStore>(*m_db, announce);
    m_pollTimer.setInterval(500ms);
    connect(&m_pollTimer, &QTimer::timeout, this, &Store::pollExternalChanges);
}

// The aggregates are complete types here.
Store::~Store() = default;

Result<void> Store::open(const QString& path)
{
    if (auto opened = m_db->open(path); !opened)
        return opened;
    if (auto migrated = m_db->migrate(SchemaMigrations::steps()); !migrated)
        return migrated;
    m_lastChangeCounter = m_db->changeCounter();
    m_pollTimer.start();
    return {};
}

const QString& Store::path() const
{
    return m_db->path();
}

int Store::schemaVersion()
{
    return m_db->schemaVersion();
}

void Store::pollExternalChanges()
{
    const qint64 counter = m_db->changeCounter();
    if (counter >= 0 && counter != m_lastChangeCounter) {
        m_lastChangeCounter = counter;
        emit changed(allAreas);
    }
}
