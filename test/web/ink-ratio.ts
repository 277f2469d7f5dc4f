// Share of a screenshot's pixels that are not (nearly) white, decoded by the browser itself on a blank page.
import type { BrowserContext } from "playwright-core";

export async function inkRatio(context: BrowserContext, png: Buffer): Promise<number> {
  const page = await context.newPage();
  // A string, not a function: this project's TypeScript has no DOM types, and the code runs in the browser.
  const ratio = (await page.evaluate(`(async () => {
    const img = new Image();
    img.src = "data:image/png;base64,${png.toString("base64")}";
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++;
    return ink / (data.length / 4);
  })()`)) as number;
  await page.close();
  return ratio;
}
