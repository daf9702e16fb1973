#include "tests/support/OtherConnection.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>

OtherConnection::OtherConnection(const QString& path)
    : m_name(QStringLiteral("other-%1").arg(QRandomGenerator::global()->generate()))
{
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    db.open();
}

OtherConnection::~OtherConnection()
{
    close();
    QSqlDatabase::removeDatabase(m_name);
}

bool OtherConnection::exec(const QString& sql)
{
    QSqlQuery query(QSqlDatabase::database(m_name));
    return query.exec(sql);
}

QVariant OtherConnection::scalar(const QString& sql)
{
    QSqlQuery query(QSqlDatabase::database(m_name));
    return query.exec(sql) && query.next() ? query.value(0) : QVariant();
}

void OtherConnection::close()
{
    QSqlDatabase::database(m_name, false).close();
}
