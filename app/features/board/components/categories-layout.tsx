import { boardCategories } from "../../../../collab/documents/root-cause-board";
import { CategoryPanel } from "./category-panel";

/** The default template: "not yet sorted" and the four categories side by side (stacked on a phone). */
export function CategoriesLayout({ exclude }: { exclude?: Set<string> }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
      {boardCategories.map((category) => (
        <CategoryPanel key={category} category={category} exclude={exclude} />
      ))}
    </div>
  );
}
