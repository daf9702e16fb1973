#pragma once

#include <QEventLoop>

#include <QCoro/QCoroTask>

#include <optional>

// Runs an event loop until the coroutine has finished and returns its result. For the CLI and
// tests, which have nothing else to do meanwhile; never call it on the GUI thread.
// (QCoro::waitFor needs a default-constructible result, which Result<T> is not.)
template <typename T>
T awaitTask(QCoro::Task<T>&& task)
{
    std::optional<T> result;
    QEventLoop loop;
    QCoro::connect(std::move(task), &loop, [&](auto&& value) {
        result.emplace(std::forward<decltype(value)>(value));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}
