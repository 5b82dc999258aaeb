module RefModule(input clk, input reset, input we, input [1:0] widx, input [7:0] wkey,
                 input wvalid, input [7:0] search_key, output [3:0] match, output hit,
                 output reg [1:0] hit_idx);
  reg [7:0] keys [0:3];
  reg [3:0] valid;
  integer i;

  always @(posedge clk) begin
    if (reset) begin
      valid <= 4'b0000;
      for (i = 0; i < 4; i = i + 1) keys[i] <= 8'h00;
    end else if (we) begin
      keys[widx] <= wkey;
      valid[widx] <= wvalid;
    end
  end

  genvar g;
  generate
    for (g = 0; g < 4; g = g + 1) begin : cmp
      assign match[g] = valid[g] && (keys[g] == search_key);
    end
  endgenerate

  assign hit = |match;

  always @* begin
    if (match[0]) hit_idx = 2'd0;
    else if (match[1]) hit_idx = 2'd1;
    else if (match[2]) hit_idx = 2'd2;
    else if (match[3]) hit_idx = 2'd3;
    else hit_idx = 2'd0;
  end
endmodule
