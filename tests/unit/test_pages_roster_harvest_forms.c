#include "helpers.h"
#include "core/banned.h"
int main(void)
{
    return 0;
}
