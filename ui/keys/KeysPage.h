#pragma once

#include "router/core/Tier.h"

#include <QWidget>

#include <array>
#include <optional>

class KeyBoard;
class QComboBox;
class QLabel;
class QListView;
class QStackedWidget;
class QTimer;
class TierListModel;

// The Keys page: the tier board (Prioritized, Shared capacity, Fallback side by side, in the
// order they are tried), a provider filter, and the moves by drag and drop, keyboard and
// context menu. A first-run explanation takes its place while there are no keys.
class KeysPage : public QWidget
{
    Q_OBJECT

public:
    explicit KeysPage(KeyBoard& board, QWidget* parent = nullptr);

    // A message over the board (a refused move, a failure to store one) for a few seconds.
    void showMessage(const QString& message);

signals:
    void addKeyRequested();
    void editKeyRequested(qint64 id);
    void editFiltersRequested(qint64 id);
    void removeKeyRequested(qint64 id);

private:
    QWidget* createColumn(Tier tier);
    void createActions();
    void refreshProviders();
    void updateEmptyState();
    void moveSelected(int rowDelta);
    void moveSelectedTo(Tier tier);
    // The key selected in the list that last had focus, with its place.
    std::optional<qint64> selectedKey() const;
    void select(qint64 id);
    bool eventFilter(QObject* watched, QEvent* event) override;

    KeyBoard& m_board;
    QComboBox* m_providerFilter;
    QLabel* m_message;
    QTimer* m_messageTimer;
    QStackedWidget* m_stack;
    std::array<TierListModel*, 3> m_models {};
    std::array<QListView*, 3> m_lists {};
    QListView* m_activeList = nullptr; // the list the keyboard moves act on
    QTimer* m_countdown; // repaints the badges every second while one counts down
    std::optional<qint64> m_keptSelection; // across a change of the board
};
