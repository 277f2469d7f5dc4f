// The `backtest` collaborator of the `Sift config` check: backtest the change, render its section
// with links to each failure's details page (signed for private repositories).
import type { ProbotOctokit } from "probot";
import { detailsUrl } from "../web/urls.js";
import { backtestConfigChange, type ConfigBacktestDeps } from "./backtest-config-change.js";
import type { PullRequestRef } from "./check-config-change.js";
import { renderBacktestSection, type BacktestSection } from "./render-backtest-section.js";

export interface ConfigBacktestLinks {
  publicUrl: string;
  pageSecret: string;
}

export function configBacktest(deps: ConfigBacktestDeps & ConfigBacktestLinks): (octokit: ProbotOctokit, pr: PullRequestRef) => Promise<BacktestSection> {
  return async (octokit, pr) => {
    const bt = await backtestConfigChange(octokit, pr, deps);
    return renderBacktestSection(bt, (f) => {
      const [owner = "", name = ""] = f.repo.split("/");
      return detailsUrl(deps, { owner, name, private: f.private }, f.sha);
    });
  };
}
