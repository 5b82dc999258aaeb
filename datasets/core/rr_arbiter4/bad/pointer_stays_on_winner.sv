module TopModule(input clk, input reset, input [3:0] req, output reg [3:0] grant);
  reg [1:0] p;
  reg [1:0] g, idx;
  reg found;
  integer k;

  always @* begin
    grant = 4'b0000;
    g = 2'd0;
    found = 1'b0;
    for (k = 0; k < 4; k = k + 1) begin
      idx = p + k[1:0];
      if (!found && req[idx]) begin
        found = 1'b1;
        g = idx;
        grant[idx] = 1'b1;
      end
    end
  end

  always @(posedge clk) begin
    if (reset) p <= 2'd0;
    else if (found) p <= g;          // winner keeps the top priority: others starve
  end
endmodule
