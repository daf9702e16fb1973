#pragma once

#include "router/records/RequestRecord.h"

#include <QWidget>

class QPlainTextEdit;
class QTableWidget;

// One request of the live log in full: its attempts as a timeline (key, provider, tier, status,
// latency, what the provider said, the rate-limit headers seen) and its metadata as JSON, the
// shape of GET /api/v1/generation, with a Copy button. Records hold no secrets.
class RequestDetail : public QWidget
{
    Q_OBJECT

public:
    explicit RequestDetail(QWidget* parent = nullptr);

    void showRecord(const RequestRecord& record);
    void clear();
    QString json() const;

private:
    QTableWidget* m_attempts;
    QPlainTextEdit* m_json;
};
