#pragma once

#include "app/domain/LocalApiKey.h"
#include "app/routing/RoutePreview.h"

#include <QTimer>
#include <QWidget>

class AppCore;
class QComboBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

// The route preview: pick a local key and a model, see the keys a request would be tried on
// now, in order, and beside every other key why not (a filter, another workspace, cooling down
// for 23 s...). The router's own planner answers, so this is what the router then does; while
// the page is shown it asks again every second, so cool-downs count down.
class RoutePreviewPage : public QWidget
{
    Q_OBJECT

public:
    explicit RoutePreviewPage(AppCore& core, QWidget* parent = nullptr);

    void setLocalKeys(const QList<LocalApiKey>& localKeys);
    void setQuery(qint64 localKeyId, const QString& model);
    const RoutePreview& preview() const { return m_preview; }

signals:
    void previewShown();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void ask();
    void showPreview(const RoutePreview& preview);

    AppCore& m_core;
    QComboBox* m_localKey;
    QLineEdit* m_model;
    QLabel* m_summary;
    QTreeWidget* m_planned;
    QTreeWidget* m_excluded;
    QTimer m_refresh;
    QTimer m_debounce;
    int m_questionsAsked = 0; // an answer to an older question is not shown
    RoutePreview m_preview;
};
