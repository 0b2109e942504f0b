// Build of the task pane, in the shape of the official Office add-in React template:
// ts-loader, HtmlWebpackPlugin, CopyWebpackPlugin, an https dev server on localhost:3000.

const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

// manifest.xml names the dev server as https://localhost:3000/; a dev server on another port
// (KHCT_PORT) serves a manifest that names its own port.
const urlDev = "https://localhost:3000/";
const devPort = Number(
  process.env.KHCT_PORT || process.env.npm_package_config_dev_server_port || 3000
);
// Where the production build is hosted; the manifest in dist/ points there.
const urlProd = process.env.KHCT_PUBLIC_URL || urlDev;

/** https options for the dev server: the trusted Office dev certificates where they can be installed. */
async function getHttpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    // Linux without sudo, CI: installing a CA needs administrator rights. The dev server then makes
    // its own self-signed certificate; scripts/start.js tells the user how to trust it.
    process.env.KHCT_SELF_SIGNED = "1";
    return undefined;
  }
}

/**
 * @param {Record<string, string | boolean>} env webpack --env values; env.baseline builds a bare
 *   React + Fluent UI shell and env.nocatalogue the pane without the catalogue data, both used by
 *   the bundle-size benchmark as points of comparison.
 * @param {{ mode?: string }} options
 */
module.exports = async (env = {}, options = {}) => {
  const dev = options.mode !== "production";
  const baseline = Boolean(env.baseline);
  const entry = baseline
    ? { taskpane: "./scripts/baseline/index.tsx" }
    : { taskpane: "./src/taskpane/index.tsx", commands: "./src/commands/commands.ts" };

  const plugins = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["taskpane"],
    }),
  ];
  if (!baseline) {
    plugins.push(
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/help.html", to: "help.html" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              const url = dev ? `https://localhost:${devPort}/` : urlProd;
              return content.toString().split(urlDev).join(url);
            },
          },
        ],
      })
    );
  }

  if (env.nocatalogue) {
    // Bench only: the same task pane without the catalogue's data, to measure the data's share.
    plugins.push(
      new webpack.NormalModuleReplacementPlugin(
        /data[\\/]frameworks\.json$/,
        path.resolve(__dirname, "scripts/baseline/empty-catalogue.json")
      )
    );
  }

  const httpsOptions = dev && !env.nohttps ? await getHttpsOptions() : undefined;

  return {
    devtool: dev ? "source-map" : false,
    entry,
    output: {
      path: path.resolve(__dirname, env.outDir || "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // The dev server only transpiles (fast start); the production build checks types as well
          // (and `npm run typecheck` checks the whole project).
          use: {
            loader: "ts-loader",
            options: { configFile: "tsconfig.build.json", transpileOnly: dev },
          },
        },
      ],
    },
    plugins,
    performance: { hints: false },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: httpsOptions ? { type: "https", options: httpsOptions } : { type: "https" },
      host: "localhost",
      port: devPort,
      static: { directory: path.resolve(__dirname, "dist") },
      client: { overlay: false },
    },
  };
};
