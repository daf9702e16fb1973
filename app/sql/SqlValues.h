#pragma once

#include "router/core/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

// How values are written to and read from Keyway's databases, the same in every table.
namespace SqlValues {

// Timestamps are ISO 8601 UTC text with milliseconds, so they sort and read well.
inline QString storedTime(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// An invalid QDateTime for NULL.
inline QDateTime timeFrom(const QVariant& value)
{
    if (value.isNull())
        return {};
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    time.setTimeSpec(Qt::UTC);
    return time;
}

// Qt binds a null QString as SQL NULL; text columns are NOT NULL with '' for "none".
inline QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

// NULL for "none", typed so the driver binds the column's type.
template <typename T> QVariant nullable(const std::optional<T>& value)
{
    return value ? QVariant::fromValue(*value) : QVariant(QMetaType::fromType<T>());
}

template <typename T> std::optional<T> optionalFrom(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<T>(value.value<T>());
}

// The row a lookup by a unique column found, or `missing` when it found none.
template <typename T> Result<T> onlyRow(Result<QList<T>> rows, Failure missing)
{
    if (!rows)
        return rows.failure();
    if (rows->isEmpty())
        return missing;
    return rows->first();
}

} // namespace SqlValues
