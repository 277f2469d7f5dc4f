// installation and installation_repositories: keep the Installation and Repository rows in step
// with what the App can see. Deleting an installation cascades to its repositories and history.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { InstalledRepo } from "./schemas.js";

export interface InstallationChange {
  installationId: number;
  account: { login: string; type: string };
  action: string;
  added: InstalledRepo[];
  removed: InstalledRepo[];
}

export async function storeInstallation(prisma: PrismaClient, change: InstallationChange): Promise<void> {
  const id = BigInt(change.installationId);
  if (change.action === "deleted") {
    await prisma.installation.deleteMany({ where: { id } });
    return;
  }
  const suspended = change.action === "suspend" ? true : change.action === "unsuspend" ? false : undefined;
  await prisma.installation.upsert({
    where: { id },
    create: { id, accountLogin: change.account.login, accountType: change.account.type, suspended: suspended ?? false },
    update: { accountLogin: change.account.login, accountType: change.account.type, ...(suspended === undefined ? {} : { suspended }) },
  });
  for (const repo of change.added) {
    const [owner = change.account.login, name = repo.name] = repo.full_name.split("/");
    await prisma.repository.upsert({
      where: { id: BigInt(repo.id) },
      create: { id: BigInt(repo.id), installationId: id, owner, name, private: repo.private },
      update: { installationId: id, owner, name, private: repo.private },
    });
  }
  if (change.removed.length) {
    await prisma.repository.deleteMany({ where: { id: { in: change.removed.map((r) => BigInt(r.id)) }, installationId: id } });
  }
}
